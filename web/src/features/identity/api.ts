import type {
  ApiKeyCreated,
  ApiKeyListResponse,
  CheckInboxResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  ProfilePatchRequest,
  PublicUser,
  RecoveryCodesResponse,
  SignupRequest,
  TotpDisableRequest,
  TotpSetupResponse,
  UserResponse,
} from '../../../../src/modules/identity/schemas';
import { api, ApiError } from '../../lib/api';

export type { ApiKeySummary } from '../../../../src/modules/identity/schemas';
export type User = PublicUser;
export type SignupInput = SignupRequest;
/** `totp` is sent only when two-factor authentication is on. */
export type LoginInput = LoginRequest;

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await api.get<MeResponse>('/api/me', { signal });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** With EMAIL_VERIFICATION=required the answer is "check your inbox" and no session, for any address. */
export async function signup(input: SignupInput): Promise<{ user: User } | CheckInboxResponse> {
  return api.post<UserResponse | CheckInboxResponse>('/api/auth/signup', input);
}

/** recoveryCodesLeft: given when a recovery code stood in for the authenticator's code. */
export async function login(input: LoginInput): Promise<{ user: User; recoveryCodesLeft?: number | undefined }> {
  const { recoveryCodesLeft } = await api.post<LoginResponse>('/api/auth/login', input);
  // The login answer is only promised to set the cookie; asking /me both gets the user and proves the cookie stuck.
  const user = await fetchMe();
  if (!user) {
    throw new ApiError(
      401,
      'session_not_kept',
      'You were logged in, but the browser did not keep the session. If this server is not on HTTPS, check its cookie settings.',
    );
  }
  return { user, recoveryCodesLeft };
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } catch (error) {
    // An expired session is already the state the user asked for.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export async function updateProfile(patch: ProfilePatchRequest): Promise<User> {
  const { user } = await api.patch<UserResponse>('/api/me', patch);
  return user;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post('/api/me/password', { currentPassword, newPassword });
}

export function setupTotp() {
  return api.post<TotpSetupResponse>('/api/me/totp/setup');
}

/** The answer is the only time the ten recovery codes are shown. */
export async function enableTotp(code: string) {
  const { recoveryCodes } = await api.post<RecoveryCodesResponse>('/api/me/totp/enable', { code });
  return recoveryCodes;
}

/** With a code from the app, or with a recovery code when the device is lost. */
export async function disableTotp(proof: TotpDisableRequest) {
  await api.post('/api/me/totp/disable', proof);
}

export async function listApiKeys(signal?: AbortSignal) {
  const { apiKeys } = await api.get<ApiKeyListResponse>('/api/api-keys', { signal });
  return apiKeys;
}

export function createApiKey(name: string) {
  return api.post<ApiKeyCreated>('/api/api-keys', { name });
}

export async function revokeApiKey(id: string) {
  await api.delete(`/api/api-keys/${encodeURIComponent(id)}`);
}
