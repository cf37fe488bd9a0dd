import { providerRequest } from '../http.js';
import type { MeetingSpec, VideoProviderAdapter } from '../types.js';

type CalendarEvent = {
  id: string;
  hangoutLink?: string;
  conferenceData?: { entryPoints?: { entryPointType: string; uri: string }[] };
};

const LABEL = 'Google Meet';
const eventsUrl = (apiUrl: string) => `${apiUrl}/calendar/v3/calendars/primary/events`;

/** Google creates the Meet conference asynchronously at times; until then the event has no video entry. */
const meetUrl = (e: CalendarEvent | undefined) =>
  e?.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? e?.hangoutLink ?? null;

const times = (spec: MeetingSpec) => ({
  start: { dateTime: spec.start.toISOString(), timeZone: spec.hostTimeZone },
  end: { dateTime: spec.end.toISOString(), timeZone: spec.hostTimeZone },
});

/**
 * Meet has no public API to create a meeting on its own: a Calendar event in the host's primary calendar with
 * `conferenceData.createRequest` carries it. `sendUpdates=none` because our own e-mails carry the invitation.
 */
export const googleMeet: VideoProviderAdapter = {
  provider: 'google_meet',
  account: 'google',
  label: LABEL,
  clientAuth: 'form',
  scopes: ['openid', 'email', 'https://www.googleapis.com/auth/calendar.events'],
  authorizeParams: { access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true' },
  async accountEmail({ app, accessToken }) {
    const me = await providerRequest<{ email?: string }>(LABEL, `${app.apiUrl}/oauth2/v3/userinfo`, {
      method: 'GET',
      accessToken,
    });
    return me?.email ?? null;
  },
  async create({ app, accessToken }, spec) {
    const e = await providerRequest<CalendarEvent>(
      LABEL,
      `${eventsUrl(app.apiUrl)}?conferenceDataVersion=1&sendUpdates=none`,
      {
        method: 'POST',
        accessToken,
        body: {
          summary: spec.title,
          description: spec.description,
          ...times(spec),
          conferenceData: {
            createRequest: { requestId: spec.requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
          },
        },
      },
    );
    if (!e?.id) throw new Error('Google answered without an event id.');
    return { id: e.id, url: meetUrl(e) };
  },
  async update({ app, accessToken }, id, spec) {
    const e = await providerRequest<CalendarEvent>(
      LABEL,
      `${eventsUrl(app.apiUrl)}/${encodeURIComponent(id)}?conferenceDataVersion=1&sendUpdates=none`,
      { method: 'PATCH', accessToken, body: { summary: spec.title, ...times(spec) } },
    );
    return { id, url: meetUrl(e) };
  },
  async remove({ app, accessToken }, id) {
    await providerRequest(LABEL, `${eventsUrl(app.apiUrl)}/${encodeURIComponent(id)}?sendUpdates=none`, {
      method: 'DELETE',
      accessToken,
    });
  },
};
