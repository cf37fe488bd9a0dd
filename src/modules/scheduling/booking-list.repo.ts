import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, max, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { meetingBookings, meetingTypes, meetingVideoLinks, users } from '../../db/schema/index.js';
import { LIVE_BOOKING_STATUSES } from '../../db/schema/values.js';
import type { Tx } from '../../db/tenant.js';
import { KEY_START_FORMAT, type ListKey } from './booking-list-cursor.js';
import { bookingWithContext, type BookingRow, type BookingWithContext } from './bookings.repo.js';

export type BookingListFilter = {
  hostUserId: string;
  statuses?: BookingRow['status'][];
  endAfter?: Date;
  endBefore?: Date;
  from?: Date;
  to?: Date;
  /** Part of the invitee's name or e-mail address, in any case; taken literally, wildcards and all. */
  search?: string;
  /** A meeting type's id or slug. */
  type?: string;
  newestFirst?: boolean;
  /** The key of the last booking of the page before: the list goes on after it, in its order. */
  after?: ListKey;
  limit: number;
};

/** A listed booking with its key in the list's order, for the cursor of the page it ends. */
export type ListedBooking = BookingWithContext & { key: ListKey };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A LIKE pattern that finds `text` anywhere: its own %, _ and \ stand for themselves (\ is LIKE's escape). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function typeIs(ref: string): SQL {
  const bySlug = eq(meetingTypes.slug, ref);
  // An id is compared only when the text is one: the uuid column refuses anything else.
  return UUID.test(ref) ? or(eq(meetingBookings.meetingTypeId, ref), bySlug)! : bySlug;
}

const earlier = alias(meetingBookings, 'earlier');

/**
 * The first start a live booking ending after `endAfter` can have, so the index on (host, start) is read from
 * there rather than from the host's first booking ever. Live bookings of a host never overlap (the exclusion
 * constraint), so of those starting before `endAfter` only the last can still be running at that time.
 */
function liveEndingAfterFrom(tx: Tx, hostUserId: string, endAfter: Date): SQL {
  const lastStartBefore = tx
    .select({ start: max(earlier.startAt) })
    .from(earlier)
    .where(
      and(
        eq(earlier.hostUserId, hostUserId),
        inArray(earlier.status, [...LIVE_BOOKING_STATUSES]),
        lt(earlier.startAt, endAfter),
      ),
    );
  return gte(meetingBookings.startAt, sql`coalesce((${lastStartBefore}), ${endAfter.toISOString()}::timestamptz)`);
}

const onlyLive = (statuses: BookingRow['status'][] | undefined) =>
  statuses?.every((s) => (LIVE_BOOKING_STATUSES as readonly string[]).includes(s)) ?? false;

/**
 * The host's bookings in the order of (start, id), one page at a time: the page after a key is a range of the
 * index on (host, start, id), read up to the page's size, however many bookings the host has. One query with each
 * booking's type, host and video link; the views add one more for all their reminders.
 */
export const bookingListRepo = {
  list(tx: Tx, f: BookingListFilter): Promise<ListedBooking[]> {
    const pattern = f.search ? containing(f.search) : undefined;
    const key = sql`(${meetingBookings.startAt}, ${meetingBookings.id})`;
    const conditions: (SQL | undefined)[] = [
      eq(meetingBookings.hostUserId, f.hostUserId),
      f.statuses ? inArray(meetingBookings.status, f.statuses) : undefined,
      f.endAfter ? gt(meetingBookings.endAt, f.endAfter) : undefined,
      f.endAfter && onlyLive(f.statuses) ? liveEndingAfterFrom(tx, f.hostUserId, f.endAfter) : undefined,
      f.endBefore ? lte(meetingBookings.endAt, f.endBefore) : undefined,
      // Implied by the one above (a booking ends after it starts), and a bound the index can use.
      f.endBefore ? lt(meetingBookings.startAt, f.endBefore) : undefined,
      f.from ? gte(meetingBookings.startAt, f.from) : undefined,
      f.to ? lt(meetingBookings.startAt, f.to) : undefined,
      pattern
        ? or(ilike(meetingBookings.inviteeName, pattern), ilike(meetingBookings.inviteeEmail, pattern))
        : undefined,
      f.type ? typeIs(f.type) : undefined,
      f.after
        ? sql`${key} ${f.newestFirst ? sql`<` : sql`>`} (${f.after.start}::timestamptz, ${f.after.id}::uuid)`
        : undefined,
    ];
    const direction = f.newestFirst ? desc : asc;
    return tx
      .select({
        ...bookingWithContext,
        key: {
          start: sql<string>`to_char(${meetingBookings.startAt} at time zone 'UTC', ${KEY_START_FORMAT})`,
          id: meetingBookings.id,
        },
      })
      .from(meetingBookings)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .innerJoin(users, eq(users.id, meetingBookings.hostUserId))
      .leftJoin(meetingVideoLinks, eq(meetingVideoLinks.bookingId, meetingBookings.id))
      .where(and(...conditions))
      .orderBy(direction(meetingBookings.startAt), direction(meetingBookings.id))
      .limit(f.limit);
  },
};
