import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Onboarding } from '../../db/schema/stored-json.js';

export const onboardingRepo = {
  async find(db: Database, userId: string) {
    const [row] = await db.select({ onboarding: users.onboarding }).from(users).where(eq(users.id, userId));
    return row?.onboarding;
  },

  /** Reads and writes under a row lock, so two steps marked at once (two tabs) both stay marked. */
  async change(db: Database, userId: string, next: (current: Onboarding) => Onboarding) {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select({ onboarding: users.onboarding })
        .from(users)
        .where(eq(users.id, userId))
        .for('update');
      if (!row) return undefined;
      const onboarding = next(row.onboarding);
      await tx.update(users).set({ onboarding }).where(eq(users.id, userId));
      return onboarding;
    });
  },
};
