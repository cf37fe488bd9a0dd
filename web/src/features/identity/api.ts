import type {
  ApiKeyCreated,
  ApiKeyListResponse,
  LoginRequest,
  ProfilePatchRequest,
  PublicUser,
  SignupRequest,
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
    const { user } = await api.get<UserResponse>('/api/me', { signal });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signup(input: SignupInput): Promise<User> {
  const { user } = await api.post<UserResponse>('/api/auth/signup', input);
  return user;
}

export async function login(input: LoginInput): Promise<User> {
  await api.post('/api/auth/login', input);
  // The login answer is only promised to set the cookie; asking /me both gets the user and proves the cookie stuck.
  const user = await fetchMe();
  if (!user) {
    throw new ApiError(
      401,
      'session_not_kept',
      'You were logged in, but the browser did not keep the session. If this server is not on HTTPS, check its cookie settings.',
    );
  }
  return user;
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

export async function enableTotp(code: string) {
  await api.post('/api/me/totp/enable', { code });
}

export async function disableTotp(code: string) {
  await api.post('/api/me/totp/disable', { code });
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
