import { OAUTH_PROVIDERS } from '../../../../src/db/schema/values';
import type {
  ConnectResponse,
  IntegrationListResponse,
  IntegrationProvider,
} from '../../../../src/modules/video/schemas';
import { api } from '../../lib/api';
import type { LocationType } from '../booking/api';

export type { Integration, IntegrationProvider } from '../../../../src/modules/video/schemas';

export const integrationProviders: readonly IntegrationProvider[] = OAUTH_PROVIDERS;

/** The connected account a location type creates its meeting links with; other location types need none. */
export const providerForLocation: Partial<Record<LocationType, IntegrationProvider>> = {
  zoom: 'zoom',
  google_meet: 'google',
  teams: 'microsoft',
};

export const integrationsKey = ['integrations'] as const;

const path = (provider: IntegrationProvider) => `/api/integrations/${encodeURIComponent(provider)}`;

export async function listIntegrations(signal?: AbortSignal) {
  const { integrations } = await api.get<IntegrationListResponse>('/api/integrations', { signal });
  return integrations;
}

/** Answers the provider's consent page, where the browser goes next; the provider then returns it to Settings. */
export async function startConnecting(provider: IntegrationProvider) {
  const { url } = await api.post<ConnectResponse>(`${path(provider)}/connect`, {});
  return url;
}

export async function disconnectIntegration(provider: IntegrationProvider) {
  await api.delete<undefined>(path(provider));
}
