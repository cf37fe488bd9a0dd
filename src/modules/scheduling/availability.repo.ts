import { eq } from 'drizzle-orm';
import { meetingAvailability } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { Availability } from './schemas.js';

export const availabilityRepo = {
  async find(tx: Tx, userId: string): Promise<Availability | undefined> {
    const [row] = await tx
      .select({
        timeZone: meetingAvailability.timeZone,
        weekly: meetingAvailability.weekly,
        overrides: meetingAvailability.overrides,
      })
      .from(meetingAvailability)
      .where(eq(meetingAvailability.userId, userId));
    return row;
  },

  async upsert(tx: Tx, orgId: string, userId: string, availability: Availability) {
    await tx
      .insert(meetingAvailability)
      .values({ orgId, userId, ...availability })
      .onConflictDoUpdate({ target: meetingAvailability.userId, set: availability });
  },
};
