import { api, ApiError } from '../../lib/api';

export interface User {
  id: string;
  email: string;
  name: string;
  username: string;
  timeZone: string;
  /** Whether two-factor authentication is on; absent in answers that predate it (signup). */
  totpEnabled?: boolean;
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  username: string;
  timeZone: string;
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const { user } = await api.get<{ user: User }>('/api/me', { signal });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signup(input: SignupInput): Promise<User> {
  const { user } = await api.post<{ user: User }>('/api/auth/signup', input);
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

export async function updateProfile(patch: { name?: string; timeZone?: string }): Promise<User> {
  const { user } = await api.patch<{ user: User }>('/api/me', patch);
  return user;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api.post('/api/me/password', { currentPassword, newPassword });
}

export function setupTotp() {
  return api.post<{ secret: string; otpauthUrl: string }>('/api/me/totp/setup');
}

export async function enableTotp(code: string) {
  await api.post('/api/me/totp/enable', { code });
}

export async function disableTotp(code: string) {
  await api.post('/api/me/totp/disable', { code });
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function listApiKeys(signal?: AbortSignal) {
  const { apiKeys } = await api.get<{ apiKeys: ApiKeySummary[] }>('/api/api-keys', { signal });
  return apiKeys;
}

export function createApiKey(name: string) {
  return api.post<{ id: string; name: string; key: string }>('/api/api-keys', { name });
}

export async function revokeApiKey(id: string) {
  await api.delete(`/api/api-keys/${encodeURIComponent(id)}`);
}
