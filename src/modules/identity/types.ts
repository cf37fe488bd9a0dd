import type { EMAIL_VERIFICATION_MODES, SIGNUP_POLICIES } from '../../db/schema/values.js';
import type { Tx } from '../../db/tenant.js';
import type { AccountMail } from '../notifications/types.js';

/** Who may create an account (SIGNUP). */
export type SignupPolicy = (typeof SIGNUP_POLICIES)[number];
/** Whether a new address must be proved before its owner's booking pages go live (EMAIL_VERIFICATION). */
export type EmailVerification = (typeof EMAIL_VERIFICATION_MODES)[number];

/** How identity sends mail about an account: written in the caller's transaction, sent after it commits. */
export type AccountMailer = {
  queue(tx: Tx, orgId: string, to: string, mail: AccountMail): Promise<void>;
  /** After commit: send now rather than at the next sweep. */
  kick(): void;
};

/**
 * Sets a new host up to take bookings at once (a first meeting type), wired by the server to the scheduling
 * module. Never rejects: a host without it can still make their own, so a failure is logged, not raised.
 */
export type WelcomeHost = (host: { userId: string; orgId: string }) => Promise<void>;
