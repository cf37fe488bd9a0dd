import { and, eq, sql } from 'drizzle-orm';
import { meetingAvailability } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { Availability } from './schemas.js';

export const availabilityRepo = {
  /** The host's default schedule: the one the contract's availability routes read and write. */
  async find(tx: Tx, userId: string): Promise<Availability | undefined> {
    const [row] = await tx
      .select({
        timeZone: meetingAvailability.timeZone,
        weekly: meetingAvailability.weekly,
        overrides: meetingAvailability.overrides,
      })
      .from(meetingAvailability)
      .where(and(eq(meetingAvailability.userId, userId), eq(meetingAvailability.isDefault, true)));
    return row;
  },

  async upsert(tx: Tx, orgId: string, userId: string, availability: Availability) {
    await tx
      .insert(meetingAvailability)
      .values({ orgId, userId, ...availability })
      .onConflictDoUpdate({ target: meetingAvailability.userId, targetWhere: sql`is_default`, set: availability });
  },
};
