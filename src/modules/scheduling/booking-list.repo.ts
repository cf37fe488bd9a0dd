import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { meetingBookings, meetingTypes, meetingVideoLinks, users } from '../../db/schema/index.js';
import { LIVE_BOOKING_STATUSES } from '../../db/schema/values.js';
import type { Tx } from '../../db/tenant.js';
import { KEY_START_FORMAT, type ListKey } from './booking-list-cursor.js';
import { bookingWithContext, type BookingRow } from './bookings.repo.js';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A LIKE pattern that finds `text` anywhere: its own %, _ and \ stand for themselves (\ is LIKE's escape). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function typeIs(tx: Tx, ref: string): SQL {
  const bySlug = eq(meetingTypes.slug, ref);
  // An id is compared only when the text is one: the uuid column refuses anything else.
  const types = tx
    .select({ id: meetingTypes.id })
    .from(meetingTypes)
    .where(UUID.test(ref) ? or(eq(meetingTypes.id, ref), bySlug) : bySlug);
  // The ids as one value (an array computed first), not a join: joined, the planner would start from the type
  // and sort its bookings rather than read the host's in order.
  return sql`${meetingBookings.meetingTypeId} = any(array(${types.getSQL()}))`;
}

const earlier = alias(meetingBookings, 'earlier');

/**
 * The first start a live booking ending after `endAfter` can have, so the index on (host, start) is read from
 * there rather than from the host's first booking ever. Live bookings of a host never overlap (the exclusion
 * constraint), so of those starting before `endAfter` only the last can still be running at that time.
 */
function liveEndingAfterFrom(tx: Tx, hostUserId: string, endAfter: Date): SQL {
  // COALESCE stays inside the subquery: outside, row level security could not take the bound as an index
  // condition (PostgreSQL counts COALESCE as possibly leaky; a plain parameter is not).
  const from = tx
    .select({ start: sql`coalesce(max(${earlier.startAt}), ${endAfter.toISOString()}::timestamptz)` })
    .from(earlier)
    .where(
      and(
        eq(earlier.hostUserId, hostUserId),
        inArray(earlier.status, [...LIVE_BOOKING_STATUSES]),
        lt(earlier.startAt, endAfter),
      ),
    );
  return gte(meetingBookings.startAt, sql`(${from})`);
}

const onlyLive = (statuses: BookingRow['status'][] | undefined) =>
  statuses?.every((s) => (LIVE_BOOKING_STATUSES as readonly string[]).includes(s)) ?? false;

/**
 * The host's bookings in the order of (start, id), one page at a time: the page after a key is a range of the
 * index on (host, start, id), read up to the page's size, however many bookings the host has. One query with each
 * booking's type, host and video link; the views add one more for all their reminders.
 *
 * The page is chosen from the bookings alone, and only its rows are joined: with the joins in the same query,
 * the planner multiplies the row level security filters of the joined tables into an estimate of a few dozen
 * rows, and then sorts every booking after the cursor rather than reading the index in order.
 */
export const bookingListRepo = {
  /** The query itself, awaited for the rows; its SQL is there for EXPLAIN. */
  list(tx: Tx, f: BookingListFilter) {
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
      f.type ? typeIs(tx, f.type) : undefined,
      f.after
        ? sql`${key} ${f.newestFirst ? sql`<` : sql`>`} (${f.after.start}::timestamptz, ${f.after.id}::uuid)`
        : undefined,
    ];
    const direction = f.newestFirst ? desc : asc;
    const order = [direction(meetingBookings.startAt), direction(meetingBookings.id)];
    const page = tx
      .select({ id: meetingBookings.id })
      .from(meetingBookings)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(f.limit);
    return tx
      .select({
        ...bookingWithContext,
        // The booking's place in the list's order, for the cursor of the page it ends.
        key: {
          start: sql<string>`to_char(${meetingBookings.startAt} at time zone 'UTC', ${KEY_START_FORMAT})`,
          id: meetingBookings.id,
        },
      })
      .from(meetingBookings)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .innerJoin(users, eq(users.id, meetingBookings.hostUserId))
      .leftJoin(meetingVideoLinks, eq(meetingVideoLinks.bookingId, meetingBookings.id))
      .where(inArray(meetingBookings.id, page))
      .orderBy(...order);
  },
};
