import type {
  AcceptedResponse,
  AuthPolicy,
  EmailVerifiedResponse,
  PasswordResetRequest,
  RecoveryCodesLeftResponse,
  RecoveryCodesResponse,
} from '../../../../src/modules/identity/schemas';
import { api } from '../../lib/api';

export type { AuthPolicy } from '../../../../src/modules/identity/schemas';

export const authPolicyKey = ['auth-policy'] as const;
export const recoveryCodesLeftKey = ['recovery-codes-left'] as const;

/** Who may sign up here and whether addresses are verified: the server's settings, the same for everyone. */
export function fetchAuthPolicy(signal?: AbortSignal) {
  return api.get<AuthPolicy>('/api/auth/policy', { signal });
}

/** The answer is the same whether or not the address has an account. */
export function requestPasswordReset(email: string) {
  return api.post<AcceptedResponse>('/api/auth/password/forgot', { email });
}

export async function resetPassword(input: PasswordResetRequest) {
  await api.post('/api/auth/password/reset', input);
}

/** Signs in too, unless two-factor authentication is on (signedIn: false). */
export function verifyEmail(token: string) {
  return api.post<EmailVerifiedResponse>('/api/auth/email/verify', { token });
}

export function resendVerification() {
  return api.post<AcceptedResponse>('/api/me/email/verification');
}

export async function recoveryCodesLeft(signal?: AbortSignal) {
  const answer = await api.get<RecoveryCodesLeftResponse>('/api/me/totp/recovery-codes', { signal });
  return answer.recoveryCodesLeft;
}

/** Ten new codes for a current code from the app; the old ones stop working. Shown only in this answer. */
export async function regenerateRecoveryCodes(code: string) {
  const { recoveryCodes } = await api.post<RecoveryCodesResponse>('/api/me/totp/recovery-codes', { code });
  return recoveryCodes;
}
