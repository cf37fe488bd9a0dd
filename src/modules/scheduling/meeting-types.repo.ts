import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { meetingBookings, meetingTypes } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

export type MeetingTypeRow = typeof meetingTypes.$inferSelect;

/** An archived type only lives on in its bookings' history: no list, page or edit finds it. */
export const liveType = isNull(meetingTypes.archivedAt);

/** Queries run inside tenant transactions: row level security already limits them to one organization. */
export const meetingTypesRepo = {
  listForHost: (tx: Tx, hostUserId: string) =>
    tx
      .select()
      .from(meetingTypes)
      .where(and(eq(meetingTypes.hostUserId, hostUserId), liveType))
      .orderBy(asc(meetingTypes.createdAt)),

  async find(tx: Tx, hostUserId: string, id: string) {
    const [row] = await tx
      .select()
      .from(meetingTypes)
      .where(and(eq(meetingTypes.id, id), eq(meetingTypes.hostUserId, hostUserId), liveType));
    return row;
  },

  async findBySlug(tx: Tx, hostUserId: string, slug: string) {
    const [row] = await tx
      .select()
      .from(meetingTypes)
      .where(and(eq(meetingTypes.hostUserId, hostUserId), eq(meetingTypes.slug, slug), liveType));
    return row;
  },

  async insert(tx: Tx, values: typeof meetingTypes.$inferInsert) {
    const [row] = await tx.insert(meetingTypes).values(values).returning();
    return row!;
  },

  async update(tx: Tx, hostUserId: string, id: string, patch: Partial<typeof meetingTypes.$inferInsert>) {
    const [row] = await tx
      .update(meetingTypes)
      .set(patch)
      .where(and(eq(meetingTypes.id, id), eq(meetingTypes.hostUserId, hostUserId), liveType))
      .returning();
    return row;
  },

  async hasBookings(tx: Tx, id: string) {
    const [row] = await tx
      .select({ one: sql`1` })
      .from(meetingBookings)
      .where(eq(meetingBookings.meetingTypeId, id))
      .limit(1);
    return row !== undefined;
  },

  async archive(tx: Tx, id: string) {
    await tx
      .update(meetingTypes)
      .set({ archivedAt: sql`now()`, isActive: false })
      .where(eq(meetingTypes.id, id));
  },

  async remove(tx: Tx, id: string) {
    await tx.delete(meetingTypes).where(eq(meetingTypes.id, id));
  },
};
