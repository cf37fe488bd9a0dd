import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Tx } from '../../db/tenant.js';
import {
  apiKeys,
  meetingOrganizationSettings,
  memberships,
  organizations,
  sessions,
  users,
} from '../../db/schema/index.js';

/**
 * Identity queries run outside tenant transactions: they resolve who is calling before any tenant is known.
 * Every select names its columns so secrets leave this file only where a caller asks for them.
 */
const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  username: users.username,
  timeZone: users.timeZone,
  locale: users.locale,
  totpEnabled: users.totpEnabled,
  emailVerified: sql<boolean>`${users.emailVerifiedAt} is not null`,
};

export type NewAccount = {
  email: string;
  name: string;
  username: string;
  timeZone: string;
  passwordHash: string;
  /** Set for accounts whose address needs no proof (made by an operator); null until the owner proves it. */
  emailVerifiedAt?: Date | null;
};

export function createIdentityRepo(db: Database) {
  return {
    /** `within` runs in the same transaction once the account exists (an invitation used, a link mailed). */
    async createAccount(
      account: NewAccount,
      within?: (tx: Tx, created: { userId: string; orgId: string }) => Promise<void>,
    ) {
      return db.transaction(async (tx) => {
        const [org] = await tx
          .insert(organizations)
          .values({ name: account.name, slug: account.username })
          .returning({ id: organizations.id });
        const [user] = await tx
          .insert(users)
          .values({ ...account, defaultOrgId: org!.id })
          .returning(publicUserColumns);
        await tx.insert(memberships).values({ orgId: org!.id, userId: user!.id, role: 'owner' });
        await tx.insert(meetingOrganizationSettings).values({ orgId: org!.id, defaultTimeZone: account.timeZone });
        await within?.(tx, { userId: user!.id, orgId: org!.id });
        return { user: user!, orgId: org!.id };
      });
    },

    async findCredentialsByEmail(email: string) {
      const [row] = await db
        .select({
          ...publicUserColumns,
          passwordHash: users.passwordHash,
          totpSecretSealed: users.totpSecretSealed,
          totpLastStep: users.totpLastStep,
          defaultOrgId: users.defaultOrgId,
        })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      return row;
    },

    async findTotpState(userId: string) {
      const [row] = await db
        .select({
          email: users.email,
          totpEnabled: users.totpEnabled,
          totpSecretSealed: users.totpSecretSealed,
          totpLastStep: users.totpLastStep,
        })
        .from(users)
        .where(eq(users.id, userId));
      return row;
    },

    /** Public pages name a host by username; its default organization is the tenant of its data. */
    async findHost(by: { username: string } | { id: string }) {
      const [row] = await db
        .select({
          id: users.id,
          name: users.name,
          username: users.username,
          timeZone: users.timeZone,
          orgId: users.defaultOrgId,
          emailVerified: publicUserColumns.emailVerified,
        })
        .from(users)
        .where('id' in by ? eq(users.id, by.id) : eq(users.username, by.username));
      return row?.orgId ? { ...row, orgId: row.orgId } : undefined;
    },

    async findPublicUser(userId: string) {
      const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, userId));
      return row;
    },

    /** A new username renames the user's own organization with it, which sign-up named after the username. */
    async updateProfile(
      userId: string,
      patch: Partial<Pick<typeof users.$inferInsert, 'name' | 'timeZone' | 'username' | 'locale'>>,
    ) {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ username: users.username, orgId: users.defaultOrgId })
          .from(users)
          .where(eq(users.id, userId));
        const [row] = await tx.update(users).set(patch).where(eq(users.id, userId)).returning(publicUserColumns);
        if (before?.orgId && patch.username !== undefined && patch.username !== before.username)
          await tx
            .update(organizations)
            .set({ slug: patch.username })
            .where(and(eq(organizations.id, before.orgId), eq(organizations.slug, before.username)));
        return row;
      });
    },

    async findPasswordHash(userId: string) {
      const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
      return row?.passwordHash;
    },

    /** A new password ends every other session, as people expect after changing it. */
    async setPassword(userId: string, passwordHash: string, keepSessionHash: string | undefined) {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
        await tx
          .delete(sessions)
          .where(
            and(eq(sessions.userId, userId), keepSessionHash ? ne(sessions.tokenHash, keepSessionHash) : undefined),
          );
      });
    },

    async setTotp(userId: string, state: { sealedSecret: string | null; enabled: boolean; lastStep: number | null }) {
      await db
        .update(users)
        .set({ totpSecretSealed: state.sealedSecret, totpEnabled: state.enabled, totpLastStep: state.lastStep })
        .where(eq(users.id, userId));
    },

    /** Records a used time step only if it is newer than the stored one, so two racing logins cannot both use a code. */
    async claimTotpStep(userId: string, step: number): Promise<boolean> {
      const updated = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), sql`coalesce(${users.totpLastStep}, -1) < ${step}`))
        .returning({ id: users.id });
      return updated.length === 1;
    },

    async createSession(values: typeof sessions.$inferInsert) {
      await db.insert(sessions).values(values);
    },

    async findSession(tokenHash: string, now: Date) {
      const [row] = await db
        .select({ sessionId: sessions.id, userId: sessions.userId, orgId: sessions.orgId })
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row;
    },

    async deleteSession(tokenHash: string) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async createApiKey(values: typeof apiKeys.$inferInsert) {
      const [row] = await db.insert(apiKeys).values(values).returning({ id: apiKeys.id, name: apiKeys.name });
      return row!;
    },

    async findApiKey(tokenHash: string) {
      const [row] = await db
        .update(apiKeys)
        .set({ lastUsedAt: sql`now()` })
        .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)))
        .returning({ keyId: apiKeys.id, userId: apiKeys.userId, orgId: apiKeys.orgId });
      return row;
    },

    listApiKeys(userId: string) {
      return db
        .select({
          id: apiKeys.id,
          name: apiKeys.name,
          prefix: apiKeys.prefix,
          createdAt: apiKeys.createdAt,
          lastUsedAt: apiKeys.lastUsedAt,
        })
        .from(apiKeys)
        .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .orderBy(apiKeys.createdAt);
    },

    async revokeApiKey(userId: string, keyId: string): Promise<boolean> {
      const rows = await db
        .update(apiKeys)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiKeys.id, keyId), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      return rows.length === 1;
    },

    async usernameTaken(username: string): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return !!row;
    },

    /** Who an account e-mail goes to, and where it is logged: the user's default organization. */
    async findMailbox(by: { email: string } | { id: string }) {
      const [row] = await db
        .select({ ...publicUserColumns, orgId: users.defaultOrgId })
        .from(users)
        .where('id' in by ? eq(users.id, by.id) : sql`lower(${users.email}) = ${by.email}`);
      return row;
    },

    /**
     * A password set through a one-time link (or by an operator): every session ends, and a two-factor set-up
     * that was started but never enabled is dropped, its secret having been shown to a session that no longer
     * exists. Two-factor that is on stays on. Following a link from the inbox also proves the address.
     */
    async replacePassword(
      q: Database | Tx,
      userId: string,
      passwordHash: string,
      now: Date,
      opts: { provesAddress: boolean },
    ) {
      await q
        .update(users)
        .set({
          passwordHash,
          totpSecretSealed: sql`case when ${users.totpEnabled} then ${users.totpSecretSealed} end`,
          totpLastStep: sql`case when ${users.totpEnabled} then ${users.totpLastStep} end`,
          ...(opts.provesAddress ? { emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` } : {}),
        })
        .where(eq(users.id, userId));
      await q.delete(sessions).where(eq(sessions.userId, userId));
    },

    async markEmailVerified(q: Database | Tx, userId: string, now: Date) {
      await q
        .update(users)
        .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` })
        .where(eq(users.id, userId));
    },
  };
}
export type IdentityRepo = ReturnType<typeof createIdentityRepo>;
