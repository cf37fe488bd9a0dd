import type { Database } from '../../db/client.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { badRequest } from '../../lib/errors.js';
import { ACCOUNT_MAILS_PER_HOUR, HOUR_MS } from './account-mail-limits.js';
import type { AccountLinks } from './account-links.js';
import { accountTokensRepo } from './account-tokens.repo.js';
import { hashPassword } from './passwords.js';
import type { IdentityRepo } from './repo.js';
import type { AccountMailer } from './types.js';

export const PASSWORD_RESET_MAIL_JOB = 'identity.password-reset-mail';
const VALID_MINUTES = 60;

export type PasswordResetDeps = {
  db: Database;
  repo: IdentityRepo;
  queue: JobQueue;
  mailer: AccountMailer;
  clock: Clock;
  links: AccountLinks;
};

const resetLinkInvalid = () =>
  badRequest('reset_link_invalid', 'This password link has expired or was used already. Ask for a new one.');

/** "Forgot password": a one-time link to the account's address, valid for an hour; using it ends every session. */
export function createPasswordReset(deps: PasswordResetDeps) {
  const { db, repo, clock, links } = deps;

  /**
   * Mails the owner of this address a new password link (earlier ones stop working), unless it got
   * ACCOUNT_MAILS_PER_HOUR already. An unknown address gets nothing, and its caller learns nothing either way.
   */
  async function mailLink(email: string, kind: 'password_reset' | 'account_exists') {
    const account = await repo.findMailbox({ email });
    if (!account?.orgId) return;
    const orgId = account.orgId;
    const now = clock();
    const queued = await db.transaction(async (tx) => {
      await accountTokensRepo.lockUser(tx, account.id);
      const recent = await accountTokensRepo.countSince(
        tx,
        account.id,
        'password_reset',
        new Date(now.getTime() - HOUR_MS),
      );
      if (recent >= ACCOUNT_MAILS_PER_HOUR) return false;
      const token = randomToken();
      await accountTokensRepo.issue(tx, {
        userId: account.id,
        purpose: 'password_reset',
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + VALID_MINUTES * 60_000),
        now,
      });
      const resetUrl = links.resetPassword(token);
      const to = { name: account.name, locale: account.locale };
      await deps.mailer.queue(
        tx,
        orgId,
        account.email,
        kind === 'account_exists'
          ? { kind, ...to, loginUrl: links.login, resetUrl, validMinutes: VALID_MINUTES }
          : { kind, ...to, resetUrl, validMinutes: VALID_MINUTES },
      );
      return true;
    });
    if (queued) deps.mailer.kick();
  }

  return {
    /**
     * The request does the same work whatever the address: it queues a job, and the job looks the address up
     * and mails the link. Neither the answer nor its timing can tell whether an account exists.
     */
    async requestReset(email: string) {
      await deps.queue.send(PASSWORD_RESET_MAIL_JOB, { email });
    },

    /** Sign-up with an address that has an account: its owner is told, with a password link in case they forgot. */
    mailAccountExists: (email: string) => mailLink(email, 'account_exists'),

    /** Sets the password with a link's token: once, within the hour, and every session of the account ends. */
    async reset(token: string, password: string) {
      const tokenHash = sha256(token);
      // A dead link is refused before the deliberately slow password hash; the transaction below checks again.
      if (!(await accountTokensRepo.findUsable(db, tokenHash, 'password_reset', clock()))) throw resetLinkInvalid();
      const passwordHash = await hashPassword(password);
      const now = clock();
      const done = await db.transaction(async (tx) => {
        const userId = await accountTokensRepo.use(tx, tokenHash, 'password_reset', now);
        if (userId) await repo.replacePassword(tx, userId, passwordHash, now, { provesAddress: true });
        return !!userId;
      });
      if (!done) throw resetLinkInvalid();
    },

    registerJobs() {
      deps.queue.define(PASSWORD_RESET_MAIL_JOB, async (data) => {
        if (typeof data.email === 'string') await mailLink(data.email, 'password_reset');
      });
    },
  };
}
export type PasswordResetService = ReturnType<typeof createPasswordReset>;
