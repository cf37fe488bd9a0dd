import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'tuskhub_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookies travel only over TLS when the app is served over TLS (directly or behind a trusted proxy). */
export function isSecureRequest(request: FastifyRequest, config: Config): boolean {
  return request.protocol === 'https' || config.publicUrl.startsWith('https://');
}

export async function registerSecurity(app: FastifyInstance, config: Config) {
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

  // Only requests a browser sends on its own (those carrying the session cookie) can be forged; API-key
  // calls and anonymous public calls carry no ambient authority.
  app.addHook('preHandler', (request, reply, done) => {
    const usesSessionCookie = Boolean(request.cookies[SESSION_COOKIE]) && !request.headers.authorization;
    if (UNSAFE_METHODS.has(request.method) && usesSessionCookie) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
}
