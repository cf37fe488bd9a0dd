import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../server/config.js';
import { isSecureRequest, SESSION_COOKIE } from '../../server/plugins/security.js';
import type { IssuedSession } from './sessions.js';

/** The signed, HTTP-only session cookie every way of signing in ends with. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: IssuedSession, config: Config) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, config),
    signed: true,
    expires: session.expiresAt,
  });
}
