import { providerRequest } from '../http.js';
import { ProviderError, type MeetingSpec, type VideoProviderAdapter } from '../types.js';

type OnlineMeeting = { id: string; joinWebUrl?: string; joinUrl?: string };

const LABEL = 'Microsoft Teams';

const body = (spec: MeetingSpec) => ({
  subject: spec.title,
  startDateTime: spec.start.toISOString(),
  endDateTime: spec.end.toISOString(),
});

/** Microsoft Graph onlineMeetings of the signed-in host (delegated OnlineMeetings.ReadWrite). */
export const teams: VideoProviderAdapter = {
  provider: 'teams',
  account: 'microsoft',
  label: LABEL,
  clientAuth: 'form',
  scopes: ['offline_access', 'User.Read', 'OnlineMeetings.ReadWrite'],
  authorizeParams: { response_mode: 'query', prompt: 'select_account' },
  async accountEmail({ app, accessToken }) {
    const me = await providerRequest<{ mail?: string | null; userPrincipalName?: string }>(LABEL, `${app.apiUrl}/me`, {
      method: 'GET',
      accessToken,
    });
    return me?.mail ?? me?.userPrincipalName ?? null;
  },
  async create({ app, accessToken }, spec) {
    // createOrGet answers with the existing meeting for a known externalId: a retried create makes no second one.
    const m = await providerRequest<OnlineMeeting>(LABEL, `${app.apiUrl}/me/onlineMeetings/createOrGet`, {
      method: 'POST',
      accessToken,
      body: { ...body(spec), externalId: spec.requestId },
    });
    const url = m?.joinWebUrl ?? m?.joinUrl;
    if (!m?.id || !url) throw new ProviderError('transient', 'Microsoft answered without a meeting id or join URL.');
    return { id: m.id, url };
  },
  async update({ app, accessToken }, id, spec) {
    const m = await providerRequest<OnlineMeeting>(LABEL, `${app.apiUrl}/me/onlineMeetings/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      accessToken,
      body: body(spec),
    });
    return { id, url: m?.joinWebUrl ?? m?.joinUrl ?? null };
  },
  async remove({ app, accessToken }, id) {
    await providerRequest(LABEL, `${app.apiUrl}/me/onlineMeetings/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      accessToken,
    });
  },
};
