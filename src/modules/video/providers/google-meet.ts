import { providerRequest } from '../http.js';
import { failedWith, ProviderError, type Api, type MeetingSpec, type VideoProviderAdapter } from '../types.js';

type CalendarEvent = {
  id: string;
  status?: string;
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

async function insertEvent({ app, accessToken }: Api, spec: MeetingSpec, id: string) {
  const e = await providerRequest<CalendarEvent>(
    LABEL,
    `${eventsUrl(app.apiUrl)}?conferenceDataVersion=1&sendUpdates=none`,
    {
      method: 'POST',
      accessToken,
      body: {
        id,
        summary: spec.title,
        description: spec.description,
        ...times(spec),
        conferenceData: { createRequest: { requestId: id, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
      },
    },
  );
  if (!e?.id) throw new ProviderError('transient', 'Google answered without an event id.');
  return { id: e.id, url: meetUrl(e) };
}

async function getEvent({ app, accessToken }: Api, id: string) {
  try {
    return await providerRequest<CalendarEvent>(LABEL, `${eventsUrl(app.apiUrl)}/${encodeURIComponent(id)}`, {
      method: 'GET',
      accessToken,
    });
  } catch (error) {
    if (failedWith(error, 'gone')) return undefined;
    throw error;
  }
}

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
  async create(api, spec) {
    try {
      return await insertEvent(api, spec, spec.requestId);
    } catch (error) {
      if (!failedWith(error, 'conflict')) throw error;
    }
    // The id is taken: by our own earlier try (use that event) or by one the host has since deleted.
    const existing = await getEvent(api, spec.requestId);
    if (existing && existing.status !== 'cancelled') return { id: existing.id, url: meetUrl(existing) };
    // The system time only makes the new id differ from every earlier try's; nobody reads it as a time.
    return insertEvent(api, spec, `${spec.requestId}${Date.now().toString(32)}`);
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
