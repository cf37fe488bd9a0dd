import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Account = 'zoom' | 'google' | 'microsoft';
export type FakeMeeting = { id: string; url: string; start: string; end: string; title: string };
type Call = { method: string; path: string; body: unknown };

const CLIENT_ID = 'test-client';
const CLIENT_SECRET = 'test-client-secret';

/** Where each provider keeps its endpoints, as documented; the fake answers on the same paths. */
const LAYOUT = {
  zoom: {
    authorize: '/oauth/authorize',
    token: '/oauth/token',
    revoke: '/oauth/revoke',
    api: '/v2',
    envPrefix: 'ZOOM',
  },
  google: { authorize: '/o/oauth2/v2/auth', token: '/token', revoke: '/revoke', api: '', envPrefix: 'GOOGLE' },
  microsoft: {
    authorize: '/common/oauth2/v2.0/authorize',
    token: '/common/oauth2/v2.0/token',
    revoke: undefined,
    api: '/v1.0',
    envPrefix: 'MICROSOFT',
  },
} as const;

class Reject extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const must = (ok: unknown, what: string) => {
  if (!ok) throw new Reject(400, { error: 'invalid_request', message: `fake: ${what}` });
};
const isIso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * A local stand-in for Zoom, Google (OAuth + Calendar with Meet) or Microsoft (identity platform + Graph).
 * It checks the request shapes the providers document, keeps real token state (codes are single use, access
 * tokens expire, Zoom and Microsoft rotate refresh tokens) and can be put into an outage or revoke access.
 */
export async function startFakeProvider(account: Account, options: { callbackOrigin?: () => string } = {}) {
  const layout = LAYOUT[account];
  /** code → the redirect URI and PKCE challenge it was issued for */
  const codes = new Map<string, { redirect: string; challenge: string }>();
  const accessTokens = new Set<string>();
  const refreshTokens = new Set<string>();
  const meetings = new Map<string, FakeMeeting>();
  /** Google: ids of deleted events, which stay taken. */
  const cancelled = new Set<string>();
  /** Teams: the externalId each meeting was created with. */
  const externalIds = new Map<string, string>();
  const calls: Call[] = [];
  const held: (() => void)[] = [];
  const state = {
    outage: false,
    /** What creating a meeting does: succeed, wait for releaseHeld(), or be refused for good. */
    creates: 'create' as 'create' | 'hold' | 'refuse',
    expiresIn: 3600,
    refreshes: 0,
    unauthorized: 0,
    revocations: 0,
    googleConferencePending: false,
  };

  function issueTokens(previousRefresh?: string) {
    const access = `at-${randomBytes(12).toString('hex')}`;
    accessTokens.add(access);
    const rotate = account !== 'google' || !previousRefresh;
    let refresh: string | undefined;
    if (rotate) {
      if (previousRefresh) refreshTokens.delete(previousRefresh);
      refresh = `rt-${randomBytes(12).toString('hex')}`;
      refreshTokens.add(refresh);
    }
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: state.expiresIn,
      ...(refresh ? { refresh_token: refresh } : {}),
    };
  }

  function checkClient(req: IncomingMessage, form: URLSearchParams) {
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString()
      : undefined;
    // Zoom wants HTTP Basic; Google and Microsoft take the client in the form. One method, never both.
    if (account === 'zoom') {
      must(basic === `${CLIENT_ID}:${CLIENT_SECRET}`, 'client must authenticate with HTTP Basic');
      must(!form.has('client_secret'), 'client secret must not also be in the body');
    } else {
      must(form.get('client_id') === CLIENT_ID && form.get('client_secret') === CLIENT_SECRET, 'client in form');
      must(!basic, 'client must not also use HTTP Basic');
    }
  }

  function token(req: IncomingMessage, form: URLSearchParams) {
    checkClient(req, form);
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const issued = codes.get(form.get('code') ?? '');
      if (!issued || issued.redirect !== form.get('redirect_uri')) throw new Reject(400, { error: 'invalid_grant' });
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== issued.challenge)
        throw new Reject(400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      codes.delete(form.get('code')!);
      return issueTokens();
    }
    must(grant === 'refresh_token', 'grant_type');
    const refresh = form.get('refresh_token') ?? '';
    if (!refreshTokens.has(refresh)) throw new Reject(400, { error: 'invalid_grant', error_description: 'revoked' });
    state.refreshes++;
    return issueTokens(refresh);
  }

  function authorize(url: URL): string {
    const redirect = url.searchParams.get('redirect_uri');
    must(url.searchParams.get('response_type') === 'code', 'response_type=code');
    must(url.searchParams.get('client_id') === CLIENT_ID, 'client_id');
    must(redirect && url.searchParams.get('state'), 'redirect_uri and state');
    const scope = url.searchParams.get('scope') ?? '';
    if (account === 'google') {
      must(scope.includes('https://www.googleapis.com/auth/calendar.events'), 'calendar.events scope');
      must(url.searchParams.get('access_type') === 'offline', 'access_type=offline for a refresh token');
    }
    if (account === 'microsoft')
      must(scope.includes('offline_access') && scope.includes('OnlineMeetings.ReadWrite'), 'scopes');
    const code = randomBytes(8).toString('hex');
    must(url.searchParams.get('code_challenge_method') === 'S256', 'PKCE with S256');
    codes.set(code, { redirect: redirect!, challenge: url.searchParams.get('code_challenge') ?? '' });
    const back = new URL(redirect!);
    // The app under test may listen somewhere other than its PUBLIC_URL (a port chosen at start).
    if (options.callbackOrigin) back.href = new URL(`${back.pathname}${back.search}`, options.callbackOrigin()).href;
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state')!);
    return back.toString();
  }

  const joinUrl = (id: string) =>
    account === 'zoom'
      ? `https://zoom.example/j/${id}`
      : account === 'google'
        ? `https://meet.example/${id}`
        : `https://teams.example/l/meetup-join/${id}`;

  function api(method: string, path: string, body: any) {
    const id = () => randomBytes(5).toString('hex');
    if (account === 'zoom') {
      if (method === 'GET' && path === '/users/me') return { email: 'host@zoom.example' };
      if (method === 'POST' && path === '/users/me/meetings') {
        must(typeof body.topic === 'string' && body.type === 2, 'topic and type 2 (scheduled)');
        must(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(body.start_time), 'start_time yyyy-MM-ddTHH:mm:ssZ');
        must(Number.isInteger(body.duration) && body.duration > 0, 'duration in minutes');
        const m = {
          id: String(Number.parseInt(id(), 16)),
          title: body.topic,
          start: new Date(body.start_time).toISOString(),
          end: '',
        };
        m.end = new Date(Date.parse(m.start) + body.duration * 60_000).toISOString();
        meetings.set(m.id, { ...m, url: joinUrl(m.id) });
        return [201, { id: Number(m.id), join_url: joinUrl(m.id), start_time: m.start }];
      }
      const match = path.match(/^\/meetings\/(\d+)$/);
      const m = match && meetings.get(match[1]!);
      if (!m) throw new Reject(404, { code: 3001, message: 'Meeting does not exist.' });
      if (method === 'PATCH') {
        must(isIso(body.start_time) && Number.isInteger(body.duration), 'start_time and duration');
        m.start = new Date(body.start_time).toISOString();
        m.end = new Date(Date.parse(m.start) + body.duration * 60_000).toISOString();
        return [204, undefined];
      }
      if (method === 'DELETE') return [204, meetings.delete(m.id) && undefined];
    }
    if (account === 'google') {
      if (method === 'GET' && path === '/oauth2/v3/userinfo') return { email: 'host@gmail.example' };
      const events = '/calendar/v3/calendars/primary/events';
      const withMeet = (m: FakeMeeting, pending: boolean) => ({
        id: m.id,
        summary: m.title,
        ...(pending
          ? { conferenceData: { createRequest: { status: { statusCode: 'pending' } } } }
          : { hangoutLink: m.url, conferenceData: { entryPoints: [{ entryPointType: 'video', uri: m.url }] } }),
      });
      if (method === 'POST' && path === events) {
        const req = body.conferenceData?.createRequest;
        must(req?.requestId && req?.conferenceSolutionKey?.type === 'hangoutsMeet', 'conferenceData.createRequest');
        must(isIso(body.start?.dateTime) && isIso(body.end?.dateTime), 'start.dateTime and end.dateTime');
        // Client-chosen ids are base32hex, unique per calendar for good: a deleted event keeps its id.
        must(body.id === undefined || /^[a-v0-9]{5,1024}$/.test(body.id), 'id in base32hex');
        if (body.id && (meetings.has(body.id) || cancelled.has(body.id)))
          throw new Reject(409, { error: { code: 409, message: 'The requested identifier already exists.' } });
        const m = {
          id: body.id ?? id(),
          title: body.summary,
          start: body.start.dateTime,
          end: body.end.dateTime,
          url: '',
        };
        m.url = joinUrl(m.id);
        meetings.set(m.id, m);
        return withMeet(m, state.googleConferencePending);
      }
      const match = path.match(/^\/calendar\/v3\/calendars\/primary\/events\/(\w+)$/);
      const m = match && meetings.get(match[1]!);
      if (method === 'GET' && match && !m && cancelled.has(match[1]!)) return { id: match[1], status: 'cancelled' };
      if (!m) throw new Reject(match ? 410 : 404, { error: { code: 410, message: 'Resource has been deleted' } });
      if (method === 'GET') return { ...withMeet(m, false), status: 'confirmed' };
      if (method === 'PATCH') {
        must(isIso(body.start?.dateTime) && isIso(body.end?.dateTime), 'start and end');
        m.start = new Date(body.start.dateTime).toISOString();
        m.end = new Date(body.end.dateTime).toISOString();
        return withMeet(m, false);
      }
      if (method === 'DELETE') {
        cancelled.add(m.id);
        return [204, meetings.delete(m.id) && undefined];
      }
    }
    if (account === 'microsoft') {
      if (method === 'GET' && path === '/me') return { mail: null, userPrincipalName: 'host@contoso.example' };
      if (method === 'POST' && path === '/me/onlineMeetings/createOrGet') {
        must(isIso(body.startDateTime) && isIso(body.endDateTime) && typeof body.subject === 'string', 'meeting body');
        must(typeof body.externalId === 'string' && body.externalId, 'externalId');
        const known = [...meetings.values()].find((x) => externalIds.get(x.id) === body.externalId);
        if (known) return [200, { id: known.id, joinWebUrl: known.url, subject: known.title }];
        const m = { id: `MSo${id()}`, title: body.subject, start: body.startDateTime, end: body.endDateTime, url: '' };
        m.url = joinUrl(m.id);
        meetings.set(m.id, m);
        externalIds.set(m.id, body.externalId);
        return [201, { id: m.id, joinWebUrl: m.url, subject: m.title }];
      }
      const match = path.match(/^\/me\/onlineMeetings\/(\w+)$/);
      const m = match && meetings.get(match[1]!);
      if (!m) throw new Reject(404, { error: { code: 'NotFound', message: 'Meeting not found' } });
      if (method === 'PATCH') {
        must(isIso(body.startDateTime) && isIso(body.endDateTime), 'startDateTime and endDateTime');
        m.start = new Date(body.startDateTime).toISOString();
        m.end = new Date(body.endDateTime).toISOString();
        return { id: m.id, joinWebUrl: m.url, subject: m.title };
      }
      if (method === 'DELETE') return [204, meetings.delete(m.id) && undefined];
    }
    throw new Reject(404, { error: 'no such route in the fake' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const send = (status: number, body: unknown) => {
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    try {
      if (req.method === 'GET' && url.pathname === layout.authorize) {
        res.writeHead(302, { location: authorize(url) });
        return res.end();
      }
      if (state.outage) throw new Reject(503, { message: 'Service Unavailable' });
      if (req.method === 'POST' && url.pathname === layout.revoke) {
        const form = new URLSearchParams(raw);
        checkClient(req, form);
        const revoked = form.get('token') ?? '';
        if (!refreshTokens.has(revoked) && !accessTokens.has(revoked))
          throw new Reject(400, { error: 'invalid_token' });
        state.revocations++;
        accessTokens.clear();
        refreshTokens.clear();
        return send(200, {});
      }
      if (req.method === 'POST' && url.pathname === layout.token) {
        must(req.headers['content-type']?.startsWith('application/x-www-form-urlencoded'), 'form-encoded body');
        return send(200, token(req, new URLSearchParams(raw)));
      }
      if (!url.pathname.startsWith(layout.api)) throw new Reject(404, { error: 'not found' });
      const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
      if (!accessTokens.has(bearer)) {
        state.unauthorized++;
        throw new Reject(401, { code: 124, message: 'Invalid access token.' });
      }
      if (raw) must(req.headers['content-type']?.startsWith('application/json'), 'JSON body');
      const body = raw ? JSON.parse(raw) : undefined;
      const path = url.pathname.slice(layout.api.length);
      calls.push({ method: req.method ?? 'GET', path: `${path}${url.search}`, body });
      if (req.method === 'POST' && state.creates === 'refuse')
        throw new Reject(400, { message: 'Meetings are turned off for this account' });
      if (req.method === 'POST' && state.creates === 'hold') await new Promise<void>((resolve) => held.push(resolve));
      const answer = api(req.method ?? 'GET', path, body);
      if (Array.isArray(answer)) send(answer[0] as number, answer[1]);
      else send(200, answer);
    } catch (error) {
      if (error instanceof Reject) send(error.status, error.body);
      else send(500, { message: String(error) });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const p = layout.envPrefix;

  return {
    account,
    calls,
    meetings,
    state,
    env: {
      [`${p}_CLIENT_ID`]: CLIENT_ID,
      [`${p}_CLIENT_SECRET`]: CLIENT_SECRET,
      [`${p}_AUTHORIZE_URL`]: `${base}${layout.authorize}`,
      [`${p}_TOKEN_URL`]: `${base}${layout.token}`,
      [`${p}_API_URL`]: `${base}${layout.api}`,
      ...(layout.revoke ? { [`${p}_REVOKE_URL`]: `${base}${layout.revoke}` } : {}),
    },
    /** The access tokens we handed out stop working, as they do when they expire. */
    expireAccessTokens: () => accessTokens.clear(),
    /** The host removed the app at the provider: no token works any more. */
    revoke() {
      accessTokens.clear();
      refreshTokens.clear();
    },
    /** The host deletes the meeting in the provider's own app. */
    deleteMeeting(id: string) {
      meetings.delete(id);
      cancelled.add(id);
    },
    /** Lets the meetings held while `creates` was 'hold' be made. */
    releaseHeld: () => held.splice(0).forEach((release) => release()),
    /** Accepted access tokens that have been issued since, for checking what is stored. */
    issuedAccessTokens: () => [...accessTokens],
    close() {
      held.splice(0).forEach((release) => release());
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type FakeProvider = Awaited<ReturnType<typeof startFakeProvider>>;
