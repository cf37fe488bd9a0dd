import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../lib/crypto.js';

/**
 * The invitee's manage token is an HMAC of the booking uid under APP_SECRET (see
 * docs/decisions/0001-derived-booking-manage-tokens.md): nothing secret is stored, yet the token can be put
 * into every later e-mail and idempotent replay.
 */
export function createManageTokens(appSecret: string) {
  const key = createHmac('sha256', appSecret).update('tuskhub:booking-manage-token:v1').digest();
  const issue = (uid: string) => createHmac('sha256', key).update(uid).digest('base64url');
  return {
    issue,
    verify: (uid: string, token: string) => constantTimeEqual(issue(uid), token),
  };
}
export type ManageTokens = ReturnType<typeof createManageTokens>;
