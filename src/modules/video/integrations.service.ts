import { createHash, createHmac } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { MeetingLocation } from '../../db/schema/index.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { constantTimeEqual, randomToken, type Sealer } from '../../lib/crypto.js';
import { AppError, badRequest, invalid, notFound } from '../../lib/errors.js';
import type { OAuthApp, OAuthProvider } from '../../server/config.js';
import type { Principal } from '../identity/service.js';
import { authorizeUrl, exchangeCode, refreshTokens, revokeToken, type OAuthTokens } from './oauth.js';
import { adapterForAccount, videoAdapters } from './providers/index.js';
import { integrationProvider } from './schemas.js';
import { integrationsRepo } from './repo.js';
import { failedWith, ProviderError, type Api, type RemoteVideoProvider, type VideoProviderAdapter } from './types.js';

const STATE_TTL_MS = 15 * 60_000;
/** Refresh a little before expiry, so a token does not lapse between our check and the provider's. */
const EXPIRY_MARGIN_MS = 120_000;

export type IntegrationsDeps = {
  db: Database;
  sealer: Sealer;
  appSecret: string;
  publicUrl: string;
  oauthApps: Record<OAuthProvider, OAuthApp | undefined>;
  log: { warn(obj: object, msg: string): void };
  clock: Clock;
};

type State = { u: string; o: string; p: OAuthProvider; n: string; e: number };

export function createIntegrations(deps: IntegrationsDeps) {
  const { db, sealer, clock } = deps;
  const nowMs = () => clock().getTime();
  const redirectUri = (provider: OAuthProvider) => `${deps.publicUrl}/api/integrations/${provider}/callback`;

  function adapterOf(provider: OAuthProvider): VideoProviderAdapter {
    const adapter = adapterForAccount(provider);
    if (!adapter) throw notFound('The integration');
    return adapter;
  }

  function appOf(provider: OAuthProvider): OAuthApp {
    const app = deps.oauthApps[provider];
    if (!app)
      throw new AppError(
        409,
        'integration_not_configured',
        `${adapterOf(provider).label} is not set up on this server: its client id and secret are missing.`,
      );
    return app;
  }

  const sign = (body: string) => createHmac('sha256', deps.appSecret).update(`oauth-state:${body}`).digest('base64url');

  /** The OAuth state names the host who started the flow, so a code cannot be attached to anyone else. */
  function issueState(principal: Principal, provider: OAuthProvider) {
    const state: State = {
      u: principal.userId,
      o: principal.orgId,
      p: provider,
      n: randomToken(12),
      e: nowMs() + STATE_TTL_MS,
    };
    const body = Buffer.from(JSON.stringify(state)).toString('base64url');
    return { value: `${body}.${sign(body)}`, nonce: state.n };
  }

  function readState(value: string, principal: Principal, provider: OAuthProvider): State {
    const [body, mac] = value.split('.');
    if (!body || !mac || !constantTimeEqual(mac, sign(body)))
      throw badRequest('invalid_state', 'This sign-in link is not valid.');
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as State;
    if (state.e < nowMs()) throw badRequest('invalid_state', 'This sign-in took too long. Please connect again.');
    if (state.p !== provider || state.u !== principal.userId || state.o !== principal.orgId)
      throw badRequest('invalid_state', 'This sign-in was started by another account. Please connect again.');
    return state;
  }

  /**
   * PKCE (RFC 7636) without storing anything: the verifier is derived from the state's nonce with the app
   * secret, so only this server can produce it when the code comes back.
   */
  const pkceVerifier = (nonce: string) =>
    createHmac('sha256', deps.appSecret).update(`oauth-pkce:${nonce}`).digest('base64url');
  const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

  const open = (sealed: string) => JSON.parse(sealer.open(sealed)) as OAuthTokens;

  /** Refreshes running in this process, per account: concurrent callers share one instead of racing. */
  const refreshing = new Map<string, Promise<string>>();

  /**
   * Another node may have refreshed meanwhile (providers that rotate refresh tokens then refuse ours). Its
   * stored tokens are the ones to use; its write may land a moment after the provider refused us, so look a
   * few times before concluding that the host revoked access.
   */
  async function refreshedElsewhere(userId: string, provider: OAuthProvider, staleSealed: string) {
    for (const waitMs of [0, 250, 750, 2000]) {
      if (waitMs) await new Promise((resolve) => setTimeout(resolve, waitMs));
      const row = await integrationsRepo.findWithCredentials(db, userId, provider);
      if (row?.credentialsSealed && row.credentialsSealed !== staleSealed && row.status === 'active')
        return open(row.credentialsSealed).accessToken;
    }
    return undefined;
  }

  async function refresh(
    row: { id: string; credentialsSealed: string },
    userId: string,
    provider: OAuthProvider,
    app: OAuthApp,
  ): Promise<string> {
    const tokens = open(row.credentialsSealed);
    let fresh: OAuthTokens;
    try {
      fresh = await refreshTokens(app, adapterOf(provider).clientAuth, tokens.refreshToken, clock);
    } catch (error) {
      if (!failedWith(error, 'auth')) throw error;
      const current = await refreshedElsewhere(userId, provider, row.credentialsSealed);
      if (current) return current;
      await integrationsRepo.markNeedsReauth(db, row.id, error.message);
      throw error;
    }
    // Compare-and-swap: if another node stored tokens first, theirs win and ours are dropped.
    if (await integrationsRepo.swapCredentials(db, row.id, row.credentialsSealed, sealer.seal(JSON.stringify(fresh))))
      return fresh.accessToken;
    return (await refreshedElsewhere(userId, provider, row.credentialsSealed)) ?? fresh.accessToken;
  }

  /**
   * A usable access token for the host's account: the stored one while it is fresh, else a refreshed one.
   * `rejected` is a token the provider has just refused: a stored token that differs from it is already the
   * result of someone else's refresh.
   */
  async function accessToken(userId: string, provider: OAuthProvider, rejected?: string): Promise<Api> {
    const adapter = adapterOf(provider);
    const app = deps.oauthApps[provider];
    const row = await integrationsRepo.findWithCredentials(db, userId, provider);
    if (!app) throw new ProviderError('permanent', `${adapter.label} is no longer set up on this server.`);
    if (!row?.credentialsSealed) throw new ProviderError('auth', `${adapter.label} is not connected.`);
    if (row.status !== 'active') throw new ProviderError('auth', `${adapter.label} needs to be connected again.`);
    const tokens = open(row.credentialsSealed);
    const usable =
      rejected === undefined ? tokens.expiresAt - EXPIRY_MARGIN_MS > nowMs() : tokens.accessToken !== rejected;
    if (usable) return { app, accessToken: tokens.accessToken };
    let pending = refreshing.get(row.id);
    if (!pending) {
      pending = refresh({ id: row.id, credentialsSealed: row.credentialsSealed }, userId, provider, app).finally(() =>
        refreshing.delete(row.id),
      );
      refreshing.set(row.id, pending);
    }
    return { app, accessToken: await pending };
  }

  return {
    async list(principal: Principal) {
      const rows = await withTenant(db, principal, (tx) => integrationsRepo.listForUser(tx, principal.userId));
      return integrationProvider.options.map((provider) => {
        const row = rows.find((r) => r.provider === provider);
        return {
          provider,
          label: adapterOf(provider).label,
          configured: Boolean(deps.oauthApps[provider]),
          connected: Boolean(row),
          status: row ? (row.status as 'active' | 'needs_reauth') : null,
          accountEmail: row?.accountEmail ?? null,
          lastError: row?.lastError ?? null,
          connectedAt: row?.createdAt.toISOString() ?? null,
        };
      });
    },

    connectUrl(principal: Principal, provider: OAuthProvider) {
      const adapter = adapterOf(provider);
      const { value, nonce } = issueState(principal, provider);
      return authorizeUrl(appOf(provider), {
        redirectUri: redirectUri(provider),
        state: value,
        scopes: adapter.scopes,
        extra: {
          ...adapter.authorizeParams,
          code_challenge: pkceChallenge(pkceVerifier(nonce)),
          code_challenge_method: 'S256',
        },
      });
    },

    /** The provider sent the host back with a code: trade it for tokens and keep them sealed. */
    async complete(principal: Principal, provider: OAuthProvider, code: string, state: string) {
      const { n: nonce } = readState(state, principal, provider);
      const adapter = adapterOf(provider);
      const app = appOf(provider);
      const verifier = pkceVerifier(nonce);
      const tokens = await exchangeCode(app, adapter.clientAuth, code, redirectUri(provider), verifier, clock);
      const accountEmail = await adapter.accountEmail({ app, accessToken: tokens.accessToken });
      await withTenant(db, principal, (tx) =>
        integrationsRepo.upsert(tx, {
          orgId: principal.orgId,
          userId: principal.userId,
          provider,
          accountEmail,
          credentialsSealed: sealer.seal(JSON.stringify(tokens)),
        }),
      );
      return { label: adapter.label };
    },

    /** A meeting type may offer Zoom, Meet or Teams only once its host has connected that account. */
    async checkLocation(tx: Tx, hostUserId: string, location: MeetingLocation) {
      const adapter = location.type in videoAdapters ? videoAdapters[location.type as RemoteVideoProvider] : undefined;
      if (!adapter || (await integrationsRepo.isActive(tx, hostUserId, adapter.account))) return;
      const account =
        adapter.account === 'google'
          ? 'your Google account'
          : adapter.account === 'microsoft'
            ? 'your Microsoft account'
            : 'Zoom';
      throw invalid(
        { 'location.type': `Connect ${account} in Settings → Connected apps first.` },
        `${adapter.label} needs a connected account.`,
      );
    },

    /**
     * Forgets the account here, then asks the provider to revoke the grant too. The revocation is a courtesy:
     * if the provider cannot be reached, the tokens are gone from here anyway and the host can remove the app
     * in the provider's settings.
     */
    async disconnect(principal: Principal, provider: OAuthProvider) {
      const adapter = adapterOf(provider);
      const stored = await integrationsRepo.findWithCredentials(db, principal.userId, provider);
      const removed = await withTenant(db, principal, (tx) => integrationsRepo.remove(tx, principal.userId, provider));
      if (!removed) throw notFound('The connection');
      const app = deps.oauthApps[provider];
      if (!app || !stored?.credentialsSealed) return;
      const tokens = open(stored.credentialsSealed);
      await revokeToken(app, adapter.clientAuth, tokens.refreshToken).catch((error: unknown) =>
        deps.log.warn({ provider, err: String(error) }, 'could not revoke the provider grant'),
      );
    },

    /**
     * Runs a provider call with the host's token; a 401 gets one refresh and one more try, a second 401 (or a
     * refused refresh) marks the account as needing to be reconnected.
     */
    async withApi<T>(userId: string, provider: OAuthProvider, call: (api: Api) => Promise<T>): Promise<T> {
      const first = await accessToken(userId, provider);
      try {
        return await call(first);
      } catch (error) {
        if (!failedWith(error, 'auth')) throw error;
        const api = await accessToken(userId, provider, first.accessToken);
        try {
          return await call(api);
        } catch (retryError) {
          if (failedWith(retryError, 'auth')) {
            const row = await integrationsRepo.findWithCredentials(db, userId, provider);
            if (row) await integrationsRepo.markNeedsReauth(db, row.id, retryError.message);
          }
          throw retryError;
        }
      }
    },
  };
}
export type Integrations = ReturnType<typeof createIntegrations>;
