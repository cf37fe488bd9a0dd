import type { Database } from '../../db/client.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../lib/clock.js';
import { createAccountAdmin } from './account-admin.service.js';
import { accountLinks } from './account-links.js';
import { createEmailVerification } from './email-verification.service.js';
import { createPasswordReset } from './password-reset.service.js';
import type { RecoveryCodesRepo } from './recovery-codes.repo.js';
import type { IdentityRepo } from './repo.js';
import { sessionIssuer } from './sessions.js';
import { createSignup } from './signup.service.js';
import type { AccountMailer, EmailVerification, SignupPolicy, WelcomeHost } from './types.js';

export type AccountServicesDeps = {
  db: Database;
  repo: IdentityRepo;
  codes: RecoveryCodesRepo;
  queue: JobQueue;
  mailer: AccountMailer;
  clock: Clock;
  publicUrl: string;
  signup: SignupPolicy;
  emailVerification: EmailVerification;
  /** A new host's first meeting type, after sign-up and for accounts the operator makes. */
  welcome: WelcomeHost;
};

/** How people get into an account: sign-up, address verification, password reset, and the operator's tools. */
export function createAccountServices(deps: AccountServicesDeps) {
  const { db, repo, mailer, clock } = deps;
  const links = accountLinks(deps.publicUrl);
  const issueSession = sessionIssuer(repo, clock);
  const emailVerification = createEmailVerification({
    db,
    repo,
    mailer,
    clock,
    links,
    required: deps.emailVerification === 'required',
    issueSession,
  });
  const passwordReset = createPasswordReset({ db, repo, queue: deps.queue, mailer, clock, links });
  const signup = createSignup({
    db,
    repo,
    clock,
    policy: deps.signup,
    verification: deps.emailVerification,
    issueSession,
    mailer,
    queueVerificationLink: emailVerification.queueLink,
    mailAccountExists: passwordReset.mailAccountExists,
    welcome: deps.welcome,
  });
  return {
    signup,
    emailVerification,
    passwordReset,
    admin: createAccountAdmin({ db, repo, codes: deps.codes, clock, links, welcome: deps.welcome }),
  };
}
export type AccountServices = ReturnType<typeof createAccountServices>;
