import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { meetingBookings, meetingTypes, meetingVideoLinks, users } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
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
  limit: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A LIKE pattern that finds `text` anywhere: its own %, _ and \ stand for themselves (\ is LIKE's escape). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function typeIs(ref: string): SQL {
  const bySlug = eq(meetingTypes.slug, ref);
  // An id is compared only when the text is one: the uuid column refuses anything else.
  return UUID.test(ref) ? or(eq(meetingBookings.meetingTypeId, ref), bySlug)! : bySlug;
}

/**
 * The host's bookings as one query with each booking's type, host and video link: a list of hundreds, or an
 * export of thousands, is one round trip (the views add one more for all their reminders).
 */
export const bookingListRepo = {
  list(tx: Tx, f: BookingListFilter): Promise<BookingWithContext[]> {
    const pattern = f.search ? containing(f.search) : undefined;
    const conditions: (SQL | undefined)[] = [
      eq(meetingBookings.hostUserId, f.hostUserId),
      f.statuses ? inArray(meetingBookings.status, f.statuses) : undefined,
      f.endAfter ? gt(meetingBookings.endAt, f.endAfter) : undefined,
      f.endBefore ? lte(meetingBookings.endAt, f.endBefore) : undefined,
      f.from ? gte(meetingBookings.startAt, f.from) : undefined,
      f.to ? lt(meetingBookings.startAt, f.to) : undefined,
      pattern
        ? or(ilike(meetingBookings.inviteeName, pattern), ilike(meetingBookings.inviteeEmail, pattern))
        : undefined,
      f.type ? typeIs(f.type) : undefined,
    ];
    return tx
      .select(bookingWithContext)
      .from(meetingBookings)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .innerJoin(users, eq(users.id, meetingBookings.hostUserId))
      .leftJoin(meetingVideoLinks, eq(meetingVideoLinks.bookingId, meetingBookings.id))
      .where(and(...conditions))
      .orderBy(f.newestFirst ? desc(meetingBookings.startAt) : asc(meetingBookings.startAt))
      .limit(f.limit);
  },
};
