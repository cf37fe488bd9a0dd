import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { sha256 } from '../../lib/crypto.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { accountTokensRepo } from './account-tokens.repo.js';
import type { EmailVerificationService } from './email-verification.service.js';
import { hashPassword } from './passwords.js';
import type { IdentityRepo } from './repo.js';
import type { SignupInput } from './schemas.js';
import type { ClientInfo, IssuedSession, IssueSession } from './sessions.js';
import type { AccountMailer, EmailVerification, SignupPolicy, WelcomeHost } from './types.js';

export type SignupDeps = {
  db: Database;
  repo: IdentityRepo;
  clock: Clock;
  policy: SignupPolicy;
  verification: EmailVerification;
  issueSession: IssueSession;
  mailer: Pick<AccountMailer, 'kick'>;
  queueVerificationLink: EmailVerificationService['queueLink'];
  mailAccountExists: (email: string) => Promise<void>;
  welcome: WelcomeHost;
};

/** created: signed in at once (EMAIL_VERIFICATION=off). check_inbox: the same answer for a new and a known address. */
export type SignupOutcome = { status: 'created'; session: IssuedSession } | { status: 'check_inbox' };

export const usernameTaken = () =>
  conflict('username_taken', 'This username is taken. Choose another.', { fields: { username: 'Already taken.' } });

/** Sign-up under the server's policy (SIGNUP) and address verification (EMAIL_VERIFICATION). */
export function createSignup(deps: SignupDeps) {
  const { repo, clock } = deps;
  const verify = deps.verification === 'required';

  async function checkPolicy(input: SignupInput) {
    if (deps.policy === 'closed')
      throw forbidden('signup_closed', 'This server does not take sign-ups. Ask its operator for an account.');
    if (deps.policy !== 'invite') return;
    if (!input.invite)
      throw forbidden('invite_required', 'Sign-up on this server is by invitation. Ask its operator for one.');
    if (!(await accountTokensRepo.invitationUsable(deps.db, sha256(input.invite), input.email, clock())))
      throw forbidden(
        'invite_invalid',
        'This invitation has expired or was used already, or it was made for another e-mail address. Ask for a new one.',
      );
  }

  return {
    /**
     * Usernames are public (they are in booking links), so a taken one is said so in every mode. With
     * verification required, a registered address gets the same answer as a new one, after the same password
     * hash and similar database work; its owner is e-mailed instead.
     */
    async signup(input: SignupInput, client: ClientInfo): Promise<SignupOutcome> {
      await checkPolicy(input);
      const passwordHash = await hashPassword(input.password);
      if (await repo.usernameTaken(input.username)) throw usernameTaken();
      const now = clock();
      // An invitation matters only when sign-up needs one; an open server ignores a stale one in the link.
      const { invite, ...account } = input;
      let created;
      try {
        created = await repo.createAccount({ ...account, passwordHash }, async (tx, { userId, orgId }) => {
          const invited = deps.policy === 'invite' && invite !== undefined;
          if (invited && !(await accountTokensRepo.useInvitation(tx, sha256(invite), input.email, userId, now)))
            throw forbidden('invite_invalid', 'This invitation has expired or was used already. Ask for a new one.');
          // A new account writes in English until its owner picks another language in Settings.
          const mailbox = { userId, orgId, email: input.email, name: input.name, locale: 'en' as const };
          if (verify) await deps.queueVerificationLink(tx, mailbox, now);
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'users_email_lower_key') {
          if (!verify)
            throw conflict('email_taken', 'An account with this e-mail already exists. Log in instead.', {
              fields: { email: 'Already registered.' },
            });
          await deps.mailAccountExists(input.email);
          return { status: 'check_inbox' };
        }
        if (constraint !== undefined) throw usernameTaken();
        throw error;
      }
      const host = { userId: created.user.id, orgId: created.orgId };
      if (verify) {
        deps.mailer.kick();
        // Not waited for: the answer to a new address must take no longer than to a registered one.
        void deps.welcome(host);
        return { status: 'check_inbox' };
      }
      await deps.welcome(host);
      return { status: 'created', session: await deps.issueSession(created.user, created.orgId, client) };
    },
  };
}
export type SignupService = ReturnType<typeof createSignup>;
