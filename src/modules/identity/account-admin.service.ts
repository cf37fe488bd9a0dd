import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256 } from '../../lib/crypto.js';
import { conflict, notFound } from '../../lib/errors.js';
import { HOUR_MS } from './account-mail-limits.js';
import type { AccountLinks } from './account-links.js';
import { accountTokensRepo } from './account-tokens.repo.js';
import { hashPassword } from './passwords.js';
import type { RecoveryCodesRepo } from './recovery-codes.repo.js';
import type { IdentityRepo } from './repo.js';
import type { WelcomeHost } from './types.js';

/** Links an operator hands on themselves (chat, phone) may take a while to arrive, so they last a day. */
const OPERATOR_LINK_HOURS = 24;
const INVITATION_DAYS = 7;

export type AccountAdminDeps = {
  db: Database;
  repo: IdentityRepo;
  codes: RecoveryCodesRepo;
  clock: Clock;
  links: AccountLinks;
  welcome: WelcomeHost;
};

export type NewUser = { email: string; name: string; username: string; timeZone: string };

/**
 * What an operator does from the command line (and the demo seed at start-up): no policy, no e-mail, no rate
 * limit. Accounts made here count as verified: the operator vouches for the address.
 */
export function createAccountAdmin(deps: AccountAdminDeps) {
  const { db, repo, clock, links } = deps;

  async function accountOf(email: string) {
    const account = await repo.findMailbox({ email });
    if (!account) throw notFound(`An account with the e-mail ${email}`);
    return account;
  }

  async function passwordLink(userId: string, q: Parameters<typeof accountTokensRepo.issue>[0] = db) {
    const token = randomToken();
    const now = clock();
    await accountTokensRepo.issue(q, {
      userId,
      purpose: 'password_reset',
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + OPERATOR_LINK_HOURS * HOUR_MS),
      now,
    });
    return links.resetPassword(token);
  }

  return {
    linkValidHours: OPERATOR_LINK_HOURS,
    invitationValidDays: INVITATION_DAYS,

    /**
     * With a password, the account is ready; without one, it gets an unguessable password nobody knows and the
     * answer carries a one-time link with which its owner chooses their own. A new host gets a first meeting
     * type, as after sign-up, unless the caller makes its own (the demo seed).
     */
    async createUser(input: NewUser, password?: string, options: { starter?: boolean } = {}) {
      if (await repo.usernameTaken(input.username))
        throw conflict('username_taken', `The username ${input.username} is taken.`);
      const passwordHash = await hashPassword(password ?? randomToken());
      let setPasswordUrl: string | undefined;
      try {
        const created = await repo.createAccount(
          { ...input, passwordHash, emailVerifiedAt: clock() },
          async (tx, { userId }) => {
            if (password === undefined) setPasswordUrl = await passwordLink(userId, tx);
          },
        );
        if (options.starter !== false) await deps.welcome({ userId: created.user.id, orgId: created.orgId });
        return { ...created, setPasswordUrl };
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'users_email_lower_key')
          throw conflict('email_taken', `An account with the e-mail ${input.email} exists already.`);
        if (constraint !== undefined) throw conflict('username_taken', `The username ${input.username} is taken.`);
        throw error;
      }
    },

    /** A one-time link to choose a new password; earlier password links stop working. */
    async resetLink(email: string) {
      return passwordLink((await accountOf(email)).id);
    },

    /** Sets the password directly; every session of the account ends, as with a link. */
    async setPassword(email: string, password: string) {
      const account = await accountOf(email);
      const passwordHash = await hashPassword(password);
      await repo.replacePassword(db, account.id, passwordHash, clock(), { provesAddress: false });
    },

    /** For a person who lost both their authenticator and their recovery codes. */
    async disableTotp(email: string) {
      const account = await accountOf(email);
      if (!account.totpEnabled) throw conflict('totp_not_enabled', `Two-factor authentication is not on for ${email}.`);
      await deps.codes.disableTotp(account.id);
    },

    /** A sign-up link for SIGNUP=invite, bound to the address; an earlier invitation to it stops working. */
    async invite(email: string) {
      if (await repo.findMailbox({ email })) throw conflict('email_taken', `${email} has an account already.`);
      const token = randomToken();
      const now = clock();
      await accountTokensRepo.invite(db, {
        email,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * HOUR_MS),
        now,
      });
      return links.signup(token);
    },
  };
}
export type AccountAdmin = ReturnType<typeof createAccountAdmin>;
