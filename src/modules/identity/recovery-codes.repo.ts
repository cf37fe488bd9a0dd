import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { totpRecoveryCodes, users } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

/** Two-factor state changes that come with a set of recovery codes, and the use of one code. */
export function createRecoveryCodesRepo(db: Database) {
  async function replace(tx: Tx, userId: string, codeHashes: string[]) {
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
    await tx.insert(totpRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  async function countLeft(userId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(totpRecoveryCodes)
      .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
    return row?.n ?? 0;
  }

  return {
    /**
     * Turns two-factor on with the secret whose code was just checked, and stores its first set of codes. False
     * when it is already on or the set-up was restarted meanwhile (another secret): nothing changes then.
     */
    enableTotp(userId: string, sealedSecret: string, lastStep: number, codeHashes: string[]): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(users)
          .set({ totpEnabled: true, totpLastStep: lastStep })
          .where(and(eq(users.id, userId), eq(users.totpEnabled, false), eq(users.totpSecretSealed, sealedSecret)))
          .returning({ id: users.id });
        if (rows.length !== 1) return false;
        await replace(tx, userId, codeHashes);
        return true;
      });
    },

    /** Two-factor off: the secret and every recovery code are gone. */
    async disableTotp(userId: string) {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecretSealed: null, totpEnabled: false, totpLastStep: null })
          .where(eq(users.id, userId));
        await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
      });
    },

    /** A new set in place of the old one, whose codes stop working. */
    replace: (userId: string, codeHashes: string[]) => db.transaction((tx) => replace(tx, userId, codeHashes)),

    /**
     * Uses a code once: a guarded UPDATE, so of two logins racing with one code exactly one gets it. Answers how
     * many unused codes are left, or undefined when the code is unknown or was used already.
     */
    async use(userId: string, codeHash: string): Promise<number | undefined> {
      const used = await db
        .update(totpRecoveryCodes)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(totpRecoveryCodes.userId, userId),
            eq(totpRecoveryCodes.codeHash, codeHash),
            isNull(totpRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: totpRecoveryCodes.id });
      return used.length === 1 ? countLeft(userId) : undefined;
    },

    countLeft,
  };
}
export type RecoveryCodesRepo = ReturnType<typeof createRecoveryCodesRepo>;
