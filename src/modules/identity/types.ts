import type { Tx } from '../../db/tenant.js';
import type { AccountMail } from '../notifications/types.js';

/** Who may create an account (SIGNUP). */
export type SignupPolicy = 'open' | 'invite' | 'closed';
/** Whether a new address must be proved before its owner's booking pages go live (EMAIL_VERIFICATION). */
export type EmailVerification = 'required' | 'off';

/** How identity sends mail about an account: written in the caller's transaction, sent after it commits. */
export type AccountMailer = {
  queue(tx: Tx, orgId: string, to: string, mail: AccountMail): Promise<void>;
  /** After commit: send now rather than at the next sweep. */
  kick(): void;
};
