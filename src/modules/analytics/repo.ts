import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { meetingAnalytics, meetingTypes } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

export type AnalyticsEvent = (typeof meetingAnalytics.$inferInsert)['event'];

export const analyticsRepo = {
  async record(tx: Tx, values: typeof meetingAnalytics.$inferInsert) {
    await tx.insert(meetingAnalytics).values(values);
  },

  /** Event counts per meeting type of one host in [from, to). */
  countsByType: (tx: Tx, hostUserId: string, from: Date, to: Date) =>
    tx
      .select({
        typeId: meetingTypes.id,
        title: meetingTypes.title,
        event: meetingAnalytics.event,
        count: sql<number>`count(*)::int`,
      })
      .from(meetingAnalytics)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingAnalytics.meetingTypeId))
      .where(
        and(
          eq(meetingTypes.hostUserId, hostUserId),
          gte(meetingAnalytics.occurredAt, from),
          lt(meetingAnalytics.occurredAt, to),
        ),
      )
      .groupBy(meetingTypes.id, meetingTypes.title, meetingAnalytics.event),

  /** Bookings made per local day in the host's zone. */
  bookingsByDay: (tx: Tx, hostUserId: string, from: Date, to: Date, timeZone: string) =>
    tx
      .select({
        date: sql<string>`to_char(${meetingAnalytics.occurredAt} at time zone ${timeZone}, 'YYYY-MM-DD')`,
        bookings: sql<number>`count(*)::int`,
      })
      .from(meetingAnalytics)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingAnalytics.meetingTypeId))
      .where(
        and(
          eq(meetingTypes.hostUserId, hostUserId),
          eq(meetingAnalytics.event, 'booking_created'),
          gte(meetingAnalytics.occurredAt, from),
          lt(meetingAnalytics.occurredAt, to),
        ),
      )
      .groupBy(sql`1`)
      .orderBy(sql`1`),
};
