import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthorized } from '../../lib/errors.js';
import type { IdentityService, Principal } from '../../modules/identity/service.js';
import { answering } from './error-responses.js';
import { bearerToken, SESSION_COOKIE } from './security.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyInstance {
    /** preHandler that rejects the request with 401 unless a session cookie or API key identifies the caller. */
    requireAuth: (request: FastifyRequest) => Promise<void>;
    /** Who is signed in, for public pages that show their owner more; never refuses, and undefined for visitors. */
    identifyViewer: (request: FastifyRequest) => Promise<Principal | undefined>;
  }
}

/** The session token from the signed cookie, or undefined when absent or tampered with. */
export function readSessionToken(request: FastifyRequest): string | undefined {
  const signed = request.cookies[SESSION_COOKIE];
  const token = signed ? request.unsignCookie(signed) : undefined;
  return token?.valid && token.value ? token.value : undefined;
}

export function registerAuth(app: FastifyInstance, identity: IdentityService) {
  app.decorateRequest('principal', undefined);
  app.decorate(
    'requireAuth',
    answering([401], async (request: FastifyRequest) => {
      if (request.principal) return;
      const bearer = bearerToken(request);
      if (bearer) {
        request.principal = await identity.authenticateApiKey(bearer);
        if (!request.principal) throw unauthorized('invalid_api_key', 'The API key is invalid or revoked.');
        return;
      }
      const token = readSessionToken(request);
      if (token) request.principal = await identity.authenticateSession(token);
      if (!request.principal) throw unauthorized('unauthenticated', 'Log in to continue.');
    }),
  );
  app.decorate('identifyViewer', async (request: FastifyRequest) => {
    const token = readSessionToken(request);
    request.principal ??= token ? await identity.authenticateSession(token) : undefined;
    return request.principal;
  });
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('unauthenticated', 'Log in to continue.');
  return request.principal;
}
