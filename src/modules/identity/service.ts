import { uniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../lib/clock.js';
import { randomToken, sha256, type Sealer } from '../../lib/crypto.js';
import { conflict, invalid, notFound, unauthorized } from '../../lib/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newRecoveryCodes, recoveryCodeHash } from './recovery-codes.js';
import type { RecoveryCodesRepo } from './recovery-codes.repo.js';
import type { IdentityRepo } from './repo.js';
import type { LoginInput, ProfilePatch, PublicUser, TotpDisableInput } from './schemas.js';
import { usernameTaken } from './signup.service.js';
import { sessionIssuer, type ClientInfo, type IssuedSession } from './sessions.js';
import { checkTotp, newTotpSecret } from './totp.js';

export { SESSION_TTL_MS, type ClientInfo, type IssuedSession } from './sessions.js';
const API_KEY_PREFIX = 'thk_';

export type Principal = { userId: string; orgId: string; via: 'session' | 'api_key' };
export type LoggedIn = IssuedSession & { recoveryCodesLeft?: number };

export type IdentityOptions = {
  codes: RecoveryCodesRepo;
  /** EMAIL_VERIFICATION=required: a host's public pages answer as if the host did not exist until verified. */
  hostsNeedVerifiedEmail: boolean;
  /** A profile change (name, username, zone) may change what the host's public pages answer. */
  onProfileChanged?: (userId: string) => void;
};

export function createIdentityService(repo: IdentityRepo, sealer: Sealer, clock: Clock, options: IdentityOptions) {
  const { codes } = options;
  const hostListed = (emailVerified: boolean) => !options.hostsNeedVerifiedEmail || emailVerified;
  const issueSession = sessionIssuer(repo, clock);
  const invalidCredentials = () => unauthorized('invalid_credentials', 'Incorrect e-mail or password.');
  const totpInvalid = () => unauthorized('totp_invalid', 'That authentication code is not valid.');
  const recoveryCodeInvalid = () =>
    unauthorized('recovery_code_invalid', 'That recovery code is not valid or has been used already.');

  /** A new set of recovery codes: the codes for the person, once, and their hashes to store. */
  function newCodeSet() {
    const recoveryCodes = newRecoveryCodes();
    return { recoveryCodes, hashes: recoveryCodes.map(recoveryCodeHash) };
  }

  return {
    /**
     * Unknown e-mail and wrong password take the same time and give the same answer. With two-factor on, a
     * recovery code may stand in for the TOTP code; it is used up, and the answer says how many are left.
     */
    async login(input: LoginInput, client: ClientInfo): Promise<LoggedIn> {
      const account = await repo.findCredentialsByEmail(input.email);
      const passwordOk = await verifyPassword(account?.passwordHash, input.password);
      if (!account || !passwordOk || !account.defaultOrgId) throw invalidCredentials();
      let recoveryCodesLeft: number | undefined;
      if (account.totpEnabled && input.recoveryCode !== undefined) {
        recoveryCodesLeft = await codes.use(account.id, recoveryCodeHash(input.recoveryCode));
        if (recoveryCodesLeft === undefined) throw recoveryCodeInvalid();
      } else if (account.totpEnabled) {
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
      const session = await issueSession(user, defaultOrgId, client);
      return recoveryCodesLeft === undefined ? session : { ...session, recoveryCodesLeft };
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

    /**
     * The host behind a public page (profile, booking page, slots, booking). While their address is unverified
     * and verification is required, there is none: the pages answer as for an unknown username.
     */
    /** Whether a host with this e-mail state has public pages at all. */
    hostListed,

    async findHost(username: string) {
      const found = await repo.findHost({ username });
      if (!found || !hostListed(found.emailVerified)) return undefined;
      const { emailVerified: _v, ...host } = found;
      return host;
    },
    /** A host by id, for bookings that exist already (an invitee's manage link): not gated by verification. */
    async findHostById(id: string) {
      const found = await repo.findHost({ id });
      if (!found) return undefined;
      const { emailVerified: _v, ...host } = found;
      return host;
    },

    timeZoneOf: async (userId: string) => (await repo.findPublicUser(userId))?.timeZone ?? 'UTC',

    async me(userId: string): Promise<PublicUser> {
      const user = await repo.findPublicUser(userId);
      if (!user) throw notFound('The user');
      return user;
    },

    async updateProfile(userId: string, patch: ProfilePatch): Promise<PublicUser> {
      let user;
      try {
        user = await repo.updateProfile(userId, patch);
      } catch (error) {
        // The username, or an organization named like it (sign-up names one after its creator).
        if (uniqueViolation(error) !== undefined) throw usernameTaken();
        throw error;
      }
      if (!user) throw notFound('The user');
      options.onProfileChanged?.(userId);
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
      const { secret, otpauthUrl } = await newTotpSecret(state.email);
      await repo.setTotp(userId, { sealedSecret: sealer.seal(secret), enabled: false, lastStep: null });
      return { secret, otpauthUrl };
    },

    /** Turns two-factor on and answers its first ten recovery codes, shown only in this answer. */
    async enableTotp(userId: string, code: string) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpSecretSealed) throw conflict('totp_not_set_up', 'Start two-factor set-up first.');
      if (state.totpEnabled) throw conflict('totp_already_enabled', 'Two-factor authentication is already on.');
      const step = await checkTotp(sealer.open(state.totpSecretSealed), code, state.totpLastStep);
      if (step === null) throw totpInvalid();
      const { recoveryCodes, hashes } = newCodeSet();
      if (!(await codes.enableTotp(userId, state.totpSecretSealed, step, hashes)))
        throw conflict('totp_setup_changed', 'Two-factor set-up changed meanwhile. Reload and scan the new code.');
      return { recoveryCodes };
    },

    /**
     * Turns two-factor off with a current code or, when the device is lost, with a recovery code (used up). The
     * secret and the remaining recovery codes are deleted.
     */
    async disableTotp(userId: string, proof: TotpDisableInput) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpEnabled || !state.totpSecretSealed)
        throw conflict('totp_not_enabled', 'Two-factor authentication is not on.');
      if (proof.recoveryCode !== undefined) {
        if ((await codes.use(userId, recoveryCodeHash(proof.recoveryCode))) === undefined) throw recoveryCodeInvalid();
      } else {
        const step = await checkTotp(sealer.open(state.totpSecretSealed), proof.code!, state.totpLastStep);
        if (step === null) throw totpInvalid();
      }
      await codes.disableTotp(userId);
    },

    /** Ten new recovery codes for a current TOTP code; the previous set stops working. */
    async regenerateRecoveryCodes(userId: string, code: string) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpEnabled || !state.totpSecretSealed)
        throw conflict('totp_not_enabled', 'Two-factor authentication is not on.');
      // The code is recorded as used, so one code seen over a shoulder cannot make a second set.
      const step = await checkTotp(sealer.open(state.totpSecretSealed), code, state.totpLastStep);
      if (step === null || !(await repo.claimTotpStep(userId, step))) throw totpInvalid();
      const { recoveryCodes, hashes } = newCodeSet();
      await codes.replace(userId, hashes);
      return { recoveryCodes };
    },

    async recoveryCodesLeft(userId: string) {
      const state = await repo.findTotpState(userId);
      if (!state?.totpEnabled) throw conflict('totp_not_enabled', 'Two-factor authentication is not on.');
      return { recoveryCodesLeft: await codes.countLeft(userId) };
    },
  };
}
export type IdentityService = ReturnType<typeof createIdentityService>;
