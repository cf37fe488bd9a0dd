import { api } from '../../lib/api';
import type { LocationType } from '../booking/api';

export type IntegrationProvider = 'zoom' | 'google' | 'microsoft';

export interface Integration {
  provider: IntegrationProvider;
  label: string;
  /** The server has the OAuth client id and secret for this provider, so hosts can connect it. */
  configured: boolean;
  connected: boolean;
  status: 'active' | 'needs_reauth' | null;
  accountEmail: string | null;
  lastError: string | null;
  connectedAt: string | null;
}

export const integrationProviders: readonly IntegrationProvider[] = ['zoom', 'google', 'microsoft'];

/** The connected account a location type creates its meeting links with; other location types need none. */
export const providerForLocation: Partial<Record<LocationType, IntegrationProvider>> = {
  zoom: 'zoom',
  google_meet: 'google',
  teams: 'microsoft',
};

export const integrationsKey = ['integrations'] as const;

const path = (provider: IntegrationProvider) => `/api/integrations/${encodeURIComponent(provider)}`;

export async function listIntegrations(signal?: AbortSignal) {
  const { integrations } = await api.get<{ integrations: Integration[] }>('/api/integrations', { signal });
  return integrations;
}

/** Answers the provider's consent page, where the browser goes next; the provider then returns it to Settings. */
export async function startConnecting(provider: IntegrationProvider) {
  const { url } = await api.post<{ url: string }>(`${path(provider)}/connect`, {});
  return url;
}

export async function disconnectIntegration(provider: IntegrationProvider) {
  await api.delete<undefined>(path(provider));
}
