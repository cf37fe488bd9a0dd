import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256, type Sealer } from '../../lib/crypto.js';
import { conflict, invalid, notFound, unauthorized } from '../../lib/errors.js';
import { uniqueViolation } from '../../db/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { IdentityRepo } from './repo.js';
import type { LoginInput, ProfilePatch, PublicUser, SignupInput } from './schemas.js';
import { checkTotp, newTotpSecret } from './totp.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const API_KEY_PREFIX = 'thk_';

export type Principal = { userId: string; orgId: string; via: 'session' | 'api_key' };
export type ClientInfo = { ip: string; userAgent: string | undefined };
export type IssuedSession = { user: PublicUser; token: string; expiresAt: Date };

export function createIdentityService(repo: IdentityRepo, sealer: Sealer, clock: Clock) {
  async function issueSession(user: PublicUser, orgId: string, client: ClientInfo): Promise<IssuedSession> {
    const token = randomToken();
    const expiresAt = new Date(clock().getTime() + SESSION_TTL_MS);
    await repo.createSession({
      userId: user.id,
      orgId,
      tokenHash: sha256(token),
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { user, token, expiresAt };
  }

  const invalidCredentials = () => unauthorized('invalid_credentials', 'Incorrect e-mail or password.');

  return {
    async signup(input: SignupInput, client: ClientInfo): Promise<IssuedSession> {
      const passwordHash = await hashPassword(input.password);
      try {
        const { user, orgId } = await repo.createAccount({ ...input, passwordHash });
        return await issueSession(user, orgId, client);
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === 'users_email_lower_key') {
          throw conflict('email_taken', 'An account with this e-mail already exists. Log in instead.', {
            fields: { email: 'Already registered.' },
          });
        }
        if (constraint !== undefined) {
          throw conflict('username_taken', 'This username is taken. Choose another.', {
            fields: { username: 'Already taken.' },
          });
        }
        throw error;
      }
    },

    /** Unknown e-mail and wrong password take the same time and give the same answer. */
    async login(input: LoginInput, client: ClientInfo): Promise<IssuedSession> {
      const account = await repo.findCredentialsByEmail(input.email);
      const passwordOk = await verifyPassword(account?.passwordHash, input.password);
      if (!account || !passwordOk || !account.defaultOrgId) throw invalidCredentials();
      if (account.totpEnabled) {
        if (!input.totp) throw unauthorized('totp_required', 'Enter the 6-digit code from your authenticator app.');
        const step = await checkTotp(sealer.open(account.totpSecretSealed!), input.totp, account.totpLastStep);
        if (step === null || !(await repo.claimTotpStep(account.id, step))) {
          throw unauthorized(
            'totp_invalid',
            'That authentication code is not valid. Wait for a new one and try again.',
          );
        }
      }
      const { passwordHash: _p, totpSecretSealed: _s, totpLastStep: _l, defaultOrgId, ...user } = account;
      return issueSession(user, defaultOrgId, client);
    },

    logout: (token: string) => repo.deleteSession(sha256(token)),

    async authenticateSession(token: string): Promise<Principal | undefined> {
      const session = await repo.findSession(sha256(token), clock());
      return session && { userId: session.userId, orgId: session.orgId, via: 'session' };
    },

    async authenticateApiKey(key: string): Promise<Principal | undefined> {
      if (!key.startsWith(API_KEY_PREFIX)) return undefined;
      const found = await repo.findApiKey(sha256(key));
      return found && { userId: found.userId, orgId: found.orgId, via: 'api_key' };
    },

    findHost: (username: string) => repo.findHost({ username }),
    findHostById: (id: string) => repo.findHost({ id }),

    timeZoneOf: async (userId: string) => (await repo.findPublicUser(userId))?.timeZone ?? 'UTC',

    async me(userId: string): Promise<PublicUser> {
      const user = await repo.findPublicUser(userId);
      if (!user) throw notFound('The user');
      return user;
    },

    async updateProfile(userId: string, patch: ProfilePatch): Promise<PublicUser> {
      const user = await repo.updateProfile(userId, patch);
      if (!user) throw notFound('The user');
      return user;
    },

    async changePassword(
      userId: string,
      currentPassword: string,
      newPassword: string,
      currentSessionToken: string | undefined,
    ) {
      const ok = await verifyPassword(await repo.findPasswordHash(userId), currentPassword);
      if (!ok)
        throw invalid({ currentPassword: 'This is not your current password.' }, 'The current password is wrong.');
      await repo.setPassword(
        userId,
        await hashPassword(newPassword),
        currentSessionToken ? sha256(currentSessionToken) : undefined,
      );
    },

    async createApiKey(principal: Principal, name: string) {
      const key = `${API_KEY_PREFIX}${randomToken()}`;
      const row = await repo.createApiKey({
        userId: principal.userId,
        orgId: principal.orgId,
        name,
        prefix: key.slice(0, 12),
        tokenHash: sha256(key),
      });
      return { ...row, key };
    },

    async listApiKeys(userId: string) {
      const keys = await repo.listApiKeys(userId);
      return keys.map((k) => ({
        ...k,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      }));
    },

    async revokeApiKey(userId: string, keyId: string) {
      if (!(await repo.revokeApiKey(userId, keyId))) throw notFound('The API key');
    },

    async setupTotp(userId: string) {
      const state = await repo.findTotpState(userId);
      if (!state) throw notFound('The user');
      if (state.totpEnabled)
        throw conflict('totp_already_enabled', 'Two-factor authentication is already on. Disable it first.');
      const { secret, otpauthUrl } = newTotpSecret(state.email);
      await repo.setTotp(userId, { sealedSecret: sealer.seal(secret), enabled: false, lastStep: null });
      return { secret, otpauthUrl };
    },

    async enableTotp(userId: string, code: string) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpSecretSealed) throw conflict('totp_not_set_up', 'Start two-factor set-up first.');
      if (state.totpEnabled) throw conflict('totp_already_enabled', 'Two-factor authentication is already on.');
      const step = await checkTotp(sealer.open(state.totpSecretSealed), code, state.totpLastStep);
      if (step === null) throw unauthorized('totp_invalid', 'That authentication code is not valid.');
      await repo.setTotp(userId, { sealedSecret: state.totpSecretSealed, enabled: true, lastStep: step });
    },

    async disableTotp(userId: string, code: string) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpEnabled || !state.totpSecretSealed)
        throw conflict('totp_not_enabled', 'Two-factor authentication is not on.');
      const step = await checkTotp(sealer.open(state.totpSecretSealed), code, state.totpLastStep);
      if (step === null) throw unauthorized('totp_invalid', 'That authentication code is not valid.');
      await repo.setTotp(userId, { sealedSecret: null, enabled: false, lastStep: null });
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
