import type { Clock } from '../../lib/clock.js';
import type { OAuthApp } from '../../server/config.js';
import { ProviderError, type ClientAuth } from './types.js';

export type OAuthTokens = { accessToken: string; refreshToken: string; expiresAt: number };

/** The consent page the host is sent to; `state` comes back with the code and ties it to this host. */
export function authorizeUrl(
  app: OAuthApp,
  o: { redirectUri: string; state: string; scopes: string[]; extra: Record<string, string> },
): string {
  const url = new URL(app.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
    ...(o.scopes.length ? { scope: o.scopes.join(' ') } : {}),
    ...o.extra,
  }).toString();
  return url.toString();
}

export const exchangeCode = (
  app: OAuthApp,
  auth: ClientAuth,
  code: string,
  redirectUri: string,
  verifier: string,
  clock: Clock,
) =>
  tokenRequest(
    app,
    auth,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier },
    undefined,
    clock,
  );

/** Providers that rotate refresh tokens send a new one; those that do not, leave the old one valid. */
export const refreshTokens = (app: OAuthApp, auth: ClientAuth, refreshToken: string, clock: Clock) =>
  tokenRequest(app, auth, { grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken, clock);

/**
 * A form POST to one of the provider's OAuth endpoints, the client authenticated the one way that provider
 * takes: HTTP Basic, or the client id and secret among the form fields.
 */
function clientPost(app: OAuthApp, auth: ClientAuth, url: string, params: Record<string, string>, timeoutMs: number) {
  const basic = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(auth === 'basic' ? { authorization: basic } : {}),
    },
    body: new URLSearchParams(
      auth === 'basic' ? params : { ...params, client_id: app.clientId, client_secret: app.clientSecret },
    ),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/**
 * RFC 6749 token request; a 4xx (`invalid_grant` above all) means the host revoked us and must reconnect. The
 * access token's lifetime is counted from when the answer arrives, on the services' clock.
 */
async function tokenRequest(
  app: OAuthApp,
  auth: ClientAuth,
  params: Record<string, string>,
  previousRefreshToken: string | undefined,
  clock: Clock,
): Promise<OAuthTokens> {
  let res: Response;
  try {
    res = await clientPost(app, auth, app.tokenUrl, params, 15_000);
  } catch (error) {
    throw new ProviderError('transient', `The sign-in service could not be reached (${(error as Error).message}).`);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const reason = String(body.error_description ?? body.error ?? `HTTP ${res.status}`);
    if (res.status >= 500 || res.status === 429) throw new ProviderError('transient', `Sign-in failed: ${reason}`);
    throw new ProviderError('auth', `Access was refused or revoked: ${reason}`);
  }
  const accessToken = body.access_token;
  const refreshToken = body.refresh_token ?? previousRefreshToken;
  if (typeof accessToken !== 'string' || typeof refreshToken !== 'string') {
    throw new ProviderError('auth', 'The sign-in service did not grant offline access.');
  }
  const expiresIn = Number(body.expires_in ?? 3600);
  return { accessToken, refreshToken, expiresAt: clock().getTime() + expiresIn * 1000 };
}

/** RFC 7009: tells the provider to forget the grant (Zoom and Google revoke the whole authorization). */
export async function revokeToken(app: OAuthApp, auth: ClientAuth, token: string): Promise<void> {
  if (!app.revokeUrl) return;
  const res = await clientPost(app, auth, app.revokeUrl, { token }, 10_000);
  if (!res.ok) throw new ProviderError('transient', `Revoking access failed (HTTP ${res.status}).`);
}
