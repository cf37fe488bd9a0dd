import { and, asc, eq } from 'drizzle-orm';
import { meetingTypes } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

export type MeetingTypeRow = typeof meetingTypes.$inferSelect;

/** Queries run inside tenant transactions: row level security already limits them to one organization. */
export const meetingTypesRepo = {
  listForHost: (tx: Tx, hostUserId: string) =>
    tx.select().from(meetingTypes).where(eq(meetingTypes.hostUserId, hostUserId)).orderBy(asc(meetingTypes.createdAt)),

  async find(tx: Tx, hostUserId: string, id: string) {
    const [row] = await tx
      .select()
      .from(meetingTypes)
      .where(and(eq(meetingTypes.id, id), eq(meetingTypes.hostUserId, hostUserId)));
    return row;
  },

  async findBySlug(tx: Tx, hostUserId: string, slug: string) {
    const [row] = await tx
      .select()
      .from(meetingTypes)
      .where(and(eq(meetingTypes.hostUserId, hostUserId), eq(meetingTypes.slug, slug)));
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
      .where(and(eq(meetingTypes.id, id), eq(meetingTypes.hostUserId, hostUserId)))
      .returning();
    return row;
  },

  async remove(tx: Tx, hostUserId: string, id: string) {
    const rows = await tx
      .delete(meetingTypes)
      .where(and(eq(meetingTypes.id, id), eq(meetingTypes.hostUserId, hostUserId)))
      .returning({ id: meetingTypes.id });
    return rows.length === 1;
  },
};
