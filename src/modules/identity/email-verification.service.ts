import type { Database } from '../../db/client.js';
import type { Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { ACCOUNT_MAILS_PER_HOUR, HOUR_MS } from './account-mail-limits.js';
import type { AccountLinks } from './account-links.js';
import { accountTokensRepo } from './account-tokens.repo.js';
import type { IdentityRepo } from './repo.js';
import type { IssueSession, ClientInfo } from './sessions.js';
import type { Locale } from '../notifications/types.js';
import type { AccountMailer } from './types.js';

const VALID_HOURS = 24;

export type EmailVerificationDeps = {
  db: Database;
  repo: IdentityRepo;
  mailer: AccountMailer;
  clock: Clock;
  links: AccountLinks;
  /** EMAIL_VERIFICATION=required: the e-mail says the booking pages wait for it. */
  required: boolean;
  issueSession: IssueSession;
};

export type Mailbox = { userId: string; orgId: string; email: string; name: string; locale: Locale };

/** Proving that an account's address is its owner's: a link mailed to it, used once within a day. */
export function createEmailVerification(deps: EmailVerificationDeps) {
  const { db, repo, clock } = deps;

  /** Stores a new link (earlier ones stop working) and writes its e-mail, inside the caller's transaction. */
  async function queueLink(tx: Tx, to: Mailbox, now: Date) {
    const token = randomToken();
    await accountTokensRepo.issue(tx, {
      userId: to.userId,
      purpose: 'email_verification',
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + VALID_HOURS * HOUR_MS),
      now,
    });
    await deps.mailer.queue(tx, to.orgId, to.email, {
      kind: 'email_verification',
      name: to.name,
      locale: to.locale,
      verifyUrl: deps.links.verifyEmail(token),
      validHours: VALID_HOURS,
      pagesWaiting: deps.required,
    });
  }

  return {
    queueLink,

    /** A new link for the signed-in user, at most a few an hour. */
    async resend(userId: string) {
      const user = await repo.findMailbox({ id: userId });
      if (!user?.orgId) throw notFound('The user');
      if (user.emailVerified) throw conflict('email_already_verified', 'Your e-mail address is verified already.');
      const now = clock();
      const sent = await db.transaction(async (tx) => {
        await accountTokensRepo.lockUser(tx, userId);
        const recent = await accountTokensRepo.countSince(
          tx,
          userId,
          'email_verification',
          new Date(now.getTime() - HOUR_MS),
        );
        if (recent >= ACCOUNT_MAILS_PER_HOUR) return false;
        await queueLink(
          tx,
          { userId, orgId: user.orgId!, email: user.email, name: user.name, locale: user.locale },
          now,
        );
        return true;
      });
      if (!sent)
        throw new AppError(
          429,
          'too_many_emails',
          `We sent ${ACCOUNT_MAILS_PER_HOUR} links in the past hour. Use the newest one, or ask again later.`,
          { retryAfterSeconds: HOUR_MS / 1000 },
        );
      deps.mailer.kick();
      return user.email;
    },

    /**
     * Uses the link: the address is verified and, unless two-factor is on (a link from an inbox is no second
     * factor), a session starts.
     */
    async verify(token: string, client: ClientInfo) {
      const now = clock();
      const userId = await db.transaction(async (tx) => {
        const id = await accountTokensRepo.use(tx, sha256(token), 'email_verification', now);
        if (id) await repo.markEmailVerified(tx, id, now);
        return id;
      });
      if (!userId)
        throw badRequest(
          'verification_link_invalid',
          'This verification link has expired or was used already. Log in to ask for a new one.',
        );
      const account = await repo.findMailbox({ id: userId });
      if (!account?.orgId || account.totpEnabled) return { session: undefined };
      const { orgId, ...user } = account;
      return { session: await deps.issueSession(user, orgId, client) };
    },
  };
}
export type EmailVerificationService = ReturnType<typeof createEmailVerification>;
