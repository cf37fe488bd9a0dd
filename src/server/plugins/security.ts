import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IdentityService } from '../../modules/identity/service.js';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'tuskhub_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The key of an `Authorization: Bearer <key>` header; other schemes (Basic, …) authenticate nothing here. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Cookies travel only over TLS when the app is served over TLS (directly or behind a trusted proxy). */
export function isSecureRequest(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || config.publicUrl.startsWith('https://');
}

export async function registerSecurity(
  app: FastifyInstance,
  config: Config,
  identity: Pick<IdentityService, 'authenticateApiKey'>,
) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifyCookie, { secret: config.appSecret });
  await app.register(fastifyCsrf, {
    cookieKey: 'tuskhub_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });

  // Only requests a browser sends on its own (those carrying the session cookie) can be forged. A browser also
  // replays cached credentials such as `Authorization: Basic`, so only a valid API key, which no page can make
  // a browser send, lifts the check; the key's principal is kept so authentication does not look it up again.
  async function authenticatedByApiKey(request: FastifyRequest): Promise<boolean> {
    const key = bearerToken(request);
    const principal = key ? await identity.authenticateApiKey(key) : undefined;
    if (principal) request.principal = principal;
    return Boolean(principal);
  }

  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.cookies[SESSION_COOKIE]) {
      done();
      return;
    }
    authenticatedByApiKey(request).then(
      (byKey) => (byKey ? done() : app.csrfProtection(request, reply, done)),
      (error: Error) => done(error),
    );
  });
}
