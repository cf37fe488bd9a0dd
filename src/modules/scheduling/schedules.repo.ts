import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { meetingAvailability, meetingTypes } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { Availability } from './schemas.js';

export type ScheduleRow = typeof meetingAvailability.$inferSelect;
type ScheduleChange = Partial<Pick<ScheduleRow, 'name' | 'timeZone' | 'weekly' | 'overrides'>>;

const hours = {
  timeZone: meetingAvailability.timeZone,
  weekly: meetingAvailability.weekly,
  overrides: meetingAvailability.overrides,
};
const ofUser = (userId: string) => eq(meetingAvailability.userId, userId);
const byId = (userId: string, id: string) => and(ofUser(userId), eq(meetingAvailability.id, id));
const theDefault = (userId: string) => and(ofUser(userId), eq(meetingAvailability.isDefault, true));

/** A host's named schedules. Queries run inside tenant transactions, so row level security keeps them in one org. */
export const schedulesRepo = {
  /**
   * Serialises the schedule writes of one host until the transaction ends: the count under the limit, the
   * choice of the first default and the default's hand-over each read what the previous write left.
   */
  async lockHost(tx: Tx, userId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`schedules:${userId}`}))`);
  },

  list: (tx: Tx, userId: string) =>
    tx
      .select()
      .from(meetingAvailability)
      .where(ofUser(userId))
      .orderBy(desc(meetingAvailability.isDefault), asc(sql`lower(${meetingAvailability.name})`)),

  async find(tx: Tx, userId: string, id: string) {
    const [row] = await tx.select().from(meetingAvailability).where(byId(userId, id));
    return row;
  },

  async count(tx: Tx, userId: string) {
    const [row] = await tx.select({ n: count() }).from(meetingAvailability).where(ofUser(userId));
    return row!.n;
  },

  /** The hours of one schedule, or of the default when `id` is null. */
  async hours(tx: Tx, userId: string, id: string | null): Promise<Availability | undefined> {
    const [row] = await tx
      .select(hours)
      .from(meetingAvailability)
      .where(id === null ? theDefault(userId) : byId(userId, id));
    return row;
  },

  async insert(tx: Tx, values: typeof meetingAvailability.$inferInsert) {
    const [row] = await tx.insert(meetingAvailability).values(values).returning();
    return row!;
  },

  async update(tx: Tx, userId: string, id: string, change: ScheduleChange) {
    await tx.update(meetingAvailability).set(change).where(byId(userId, id));
  },

  /** Hands the default over to `id` in two statements; the partial unique index refuses two defaults at once. */
  async makeDefault(tx: Tx, userId: string, id: string) {
    await tx.update(meetingAvailability).set({ isDefault: false }).where(theDefault(userId));
    await tx.update(meetingAvailability).set({ isDefault: true }).where(byId(userId, id));
  },

  /** The contract's PUT /api/meetings/availability: the default's hours, the default made when there is none. */
  async upsertDefault(tx: Tx, orgId: string, userId: string, availability: Availability) {
    await tx
      .insert(meetingAvailability)
      .values({ orgId, userId, isDefault: true, ...availability })
      .onConflictDoUpdate({ target: meetingAvailability.userId, targetWhere: sql`is_default`, set: availability });
  },

  async remove(tx: Tx, userId: string, id: string) {
    await tx.delete(meetingAvailability).where(byId(userId, id));
  },

  /** How many live meeting types name each schedule; the key null counts those that follow the default. */
  async typeCounts(tx: Tx, hostUserId: string): Promise<Map<string | null, number>> {
    const rows = await tx
      .select({ scheduleId: meetingTypes.scheduleId, n: count() })
      .from(meetingTypes)
      .where(and(eq(meetingTypes.hostUserId, hostUserId), isNull(meetingTypes.archivedAt)))
      .groupBy(meetingTypes.scheduleId);
    return new Map(rows.map((r) => [r.scheduleId, r.n]));
  },
};
