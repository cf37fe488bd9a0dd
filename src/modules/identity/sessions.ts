import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import type { IdentityRepo } from './repo.js';
import type { PublicUser } from './schemas.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export type ClientInfo = { ip: string; userAgent: string | undefined };
export type IssuedSession = { user: PublicUser; token: string; expiresAt: Date };

/** Starts a session for a user: logging in, signing up, and following a verification link all end here. */
export function sessionIssuer(repo: Pick<IdentityRepo, 'createSession'>, clock: Clock) {
  return async (user: PublicUser, orgId: string, client: ClientInfo): Promise<IssuedSession> => {
    const token = randomToken();
    const expiresAt = new Date(clock().getTime() + SESSION_TTL_MS);
    await repo.createSession({
      userId: user.id,
      orgId,
      tokenHash: sha256(token),
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { user, token, expiresAt };
  };
}
export type IssueSession = ReturnType<typeof sessionIssuer>;
