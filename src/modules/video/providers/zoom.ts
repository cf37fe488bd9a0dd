import { providerRequest } from '../http.js';
import { ProviderError, type MeetingSpec, type VideoProviderAdapter } from '../types.js';

type ZoomMeeting = { id: number | string; join_url?: string };

const LABEL = 'Zoom';

function body(spec: MeetingSpec) {
  return {
    topic: spec.title,
    agenda: spec.description.slice(0, 2000),
    type: 2,
    start_time: spec.start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    duration: Math.round((spec.end.getTime() - spec.start.getTime()) / 60_000),
    timezone: spec.hostTimeZone,
    settings: { join_before_host: true, waiting_room: false },
  };
}

/** Zoom meetings API (user-level OAuth app): POST /users/me/meetings, PATCH and DELETE /meetings/{id}. */
export const zoom: VideoProviderAdapter = {
  provider: 'zoom',
  account: 'zoom',
  label: LABEL,
  clientAuth: 'basic',
  scopes: [],
  authorizeParams: {},
  async accountEmail({ app, accessToken }) {
    const me = await providerRequest<{ email?: string }>(LABEL, `${app.apiUrl}/users/me`, {
      method: 'GET',
      accessToken,
    });
    return me?.email ?? null;
  },
  async create({ app, accessToken }, spec) {
    const m = await providerRequest<ZoomMeeting>(LABEL, `${app.apiUrl}/users/me/meetings`, {
      method: 'POST',
      accessToken,
      body: body(spec),
    });
    if (!m?.id || !m.join_url) throw new ProviderError('transient', 'Zoom answered without a meeting id or join URL.');
    return { id: String(m.id), url: m.join_url };
  },
  async update({ app, accessToken }, id, spec) {
    // 204 No Content: the join URL of a Zoom meeting survives a change of time.
    await providerRequest(LABEL, `${app.apiUrl}/meetings/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      accessToken,
      body: body(spec),
    });
    return { id, url: null };
  },
  async remove({ app, accessToken }, id) {
    await providerRequest(LABEL, `${app.apiUrl}/meetings/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      accessToken,
    });
  },
};
