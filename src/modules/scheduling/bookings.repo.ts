import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  meetingAnalytics,
  meetingBookings,
  meetingReminders,
  meetingTypes,
  meetingVideoLinks,
  users,
} from '../../db/schema/index.js';
import { LIVE_BOOKING_STATUSES, MAX_MEETING_MINUTES } from '../../db/schema/values.js';
import type { Tx } from '../../db/tenant.js';
import { liveType } from './meeting-types.repo.js';

export type BookingRow = typeof meetingBookings.$inferSelect;
export type BookingPatch = Partial<typeof meetingBookings.$inferInsert>;
export type ReminderRow = Pick<typeof meetingReminders.$inferSelect, 'offsetMinutes' | 'scheduledFor' | 'status'>;
type Range = { from: Date; to: Date };
type LiveAroundArgs = [hostUserId: string, range: Range, slot: Range, countedTypeId: string | undefined];

/** A booking with what every view of it shows: its meeting type and host. */
export const bookingWithContext = {
  booking: meetingBookings,
  type: { id: meetingTypes.id, title: meetingTypes.title, slug: meetingTypes.slug, questions: meetingTypes.questions },
  host: {
    name: users.name,
    username: users.username,
    email: users.email,
    timeZone: users.timeZone,
    locale: users.locale,
  },
  video: { provider: meetingVideoLinks.provider, status: meetingVideoLinks.status, error: meetingVideoLinks.lastError },
};
export type BookingWithContext = {
  booking: BookingRow;
  type: { id: string; title: string; slug: string; questions: typeof meetingTypes.$inferSelect.questions };
  host: { name: string; username: string; email: string; timeZone: string; locale: BookingRow['locale'] };
  /** How the booking's video link is getting on; null for locations without one. */
  video: (Pick<typeof meetingVideoLinks.$inferSelect, 'provider' | 'status'> & { error: string | null }) | null;
};

export const bookingsRepo = {
  /**
   * The host's live bookings near a range, with each booking's own buffers, as the slot engine's busy time.
   * `excludeId` leaves out a booking being rescheduled so it does not block its own new time.
   */
  liveNear: (tx: Tx, hostUserId: string, from: Date, to: Date, excludeId?: string) =>
    tx
      .select({
        id: meetingBookings.id,
        meetingTypeId: meetingBookings.meetingTypeId,
        startAt: meetingBookings.startAt,
        endAt: meetingBookings.endAt,
        bufferBeforeMinutes: meetingTypes.bufferBeforeMinutes,
        bufferAfterMinutes: meetingTypes.bufferAfterMinutes,
      })
      .from(meetingBookings)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .where(
        and(
          eq(meetingBookings.hostUserId, hostUserId),
          inArray(meetingBookings.status, [...LIVE_BOOKING_STATUSES]),
          lt(meetingBookings.startAt, to),
          gt(meetingBookings.endAt, from),
          // Implied by the line above (no booking is longer than that: meeting_bookings_length_check), and a
          // lower bound the (host, start) index can use, so a host's past bookings are not all read.
          gte(meetingBookings.startAt, new Date(from.getTime() - MAX_MEETING_MINUTES * 60_000)),
          excludeId ? ne(meetingBookings.id, excludeId) : undefined,
        ),
      ),

  /**
   * Serialises bookings of one host across transactions and nodes, so check-then-insert cannot interleave.
   * The wait is bounded (lock_not_available, 55P03, after timeoutMs): a burst on one host must not hold pooled
   * connections that other tenants need. set_config runs in the FROM subquery, so before the lock is asked for.
   */
  async lockHost(tx: Tx, hostUserId: string, timeoutMs: number) {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${hostUserId})) from (select set_config('lock_timeout', ${`${timeoutMs}ms`}, true)) as bounded`,
    );
  },

  /**
   * The host's live bookings that can decide whether one slot is free, of those near `range` (see liveNear):
   * each whose time with its own buffers overlaps `slot` (the slot with its buffers) and, for a type with a
   * daily limit (`countedTypeId`), that type's bookings, which the limit counts. A full calendar then costs the
   * slot engine a few rows instead of every booking of three days.
   */
  liveAround(tx: Tx, hostUserId: string, range: Range, slot: Range, countedTypeId: string | undefined) {
    const near = bookingsRepo.liveNear(tx, hostUserId, range.from, range.to).as('near');
    return tx
      .select()
      .from(near)
      .where(
        or(
          and(
            sql`${near.startAt} - make_interval(mins => ${near.bufferBeforeMinutes}) < ${slot.to.toISOString()}::timestamptz`,
            sql`${near.endAt} + make_interval(mins => ${near.bufferAfterMinutes}) > ${slot.from.toISOString()}::timestamptz`,
          ),
          countedTypeId ? eq(near.meetingTypeId, countedTypeId) : undefined,
        ),
      );
  },

  /**
   * Under the host's lock, in one round trip: liveAround, or undefined when the meeting type no longer takes
   * bookings (switched off, archived or deleted while the booking waited for the lock).
   */
  async liveAroundIfBookable(tx: Tx, meetingTypeId: string, ...around: LiveAroundArgs) {
    const live = bookingsRepo.liveAround(tx, ...around).as('live');
    const rows = await tx
      .select({ booking: live._.selectedFields })
      .from(meetingTypes)
      .leftJoin(live, sql`true`)
      .where(and(eq(meetingTypes.id, meetingTypeId), eq(meetingTypes.isActive, true), liveType));
    return rows.length ? rows.flatMap((r) => (r.booking ? [r.booking] : [])) : undefined;
  },

  /**
   * What a new booking of a host's type needs before it takes the lock: the (not archived) type, the host as the
   * booking's e-mails name them, and the row's public id and creation time as the database would give them.
   */
  async newBookingContext(tx: Tx, hostUserId: string, slug: string) {
    const [row] = await tx
      .select({
        type: meetingTypes,
        host: bookingWithContext.host,
        uid: sql<string>`generate_public_id()`,
        createdAt: sql<Date>`now()`.mapWith(meetingBookings.createdAt),
      })
      .from(meetingTypes)
      .innerJoin(users, eq(users.id, meetingTypes.hostUserId))
      .where(and(eq(meetingTypes.hostUserId, hostUserId), eq(meetingTypes.slug, slug), liveType));
    return row;
  },

  /** The writes of a new booking and its reminders, for the booking's one statement (writeInOneStatement). */
  insertWrite: (tx: Tx, row: BookingRow) => tx.insert(meetingBookings).values(row),
  remindersWrite: (tx: Tx, rows: (typeof meetingReminders.$inferInsert)[]) => tx.insert(meetingReminders).values(rows),

  async findByIdempotencyKey(tx: Tx, meetingTypeId: string, key: string) {
    const [row] = await tx
      .select({ uid: meetingBookings.uid, fingerprint: meetingBookings.idempotencyFingerprint })
      .from(meetingBookings)
      .where(and(eq(meetingBookings.meetingTypeId, meetingTypeId), eq(meetingBookings.idempotencyKey, key)));
    return row;
  },

  async insert(tx: Tx, values: typeof meetingBookings.$inferInsert) {
    const [row] = await tx.insert(meetingBookings).values(values).returning();
    return row!;
  },

  async findWithContext(tx: Tx, by: { uid: string } | { id: string }): Promise<BookingWithContext | undefined> {
    const [row] = await tx
      .select(bookingWithContext)
      .from(meetingBookings)
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .innerJoin(users, eq(users.id, meetingBookings.hostUserId))
      .leftJoin(meetingVideoLinks, eq(meetingVideoLinks.bookingId, meetingBookings.id))
      .where('uid' in by ? eq(meetingBookings.uid, by.uid) : eq(meetingBookings.id, by.id));
    return row;
  },

  async update(tx: Tx, id: string, patch: BookingPatch) {
    const [row] = await tx.update(meetingBookings).set(patch).where(eq(meetingBookings.id, id)).returning();
    return row!;
  },

  /**
   * Reminders of many bookings in one query, grouped by booking id (earliest reminder first, as each view shows
   * them): a list of 500 bookings must not run 500 queries at once on one transaction client.
   */
  async remindersOf(tx: Tx, bookingIds: readonly string[]) {
    const byBooking = new Map(bookingIds.map((id) => [id, [] as ReminderRow[]]));
    if (!bookingIds.length) return byBooking;
    const rows = await tx
      .select({
        bookingId: meetingReminders.bookingId,
        offsetMinutes: meetingReminders.offsetMinutes,
        scheduledFor: meetingReminders.scheduledFor,
        status: meetingReminders.status,
      })
      .from(meetingReminders)
      .where(inArray(meetingReminders.bookingId, [...new Set(bookingIds)]))
      .orderBy(desc(meetingReminders.offsetMinutes));
    for (const { bookingId, ...reminder } of rows) byBooking.get(bookingId)?.push(reminder);
    return byBooking;
  },

  /** Old reminder rows go: a job still queued for one of them finds nothing to send. */
  async replaceReminders(tx: Tx, rows: (typeof meetingReminders.$inferInsert)[], bookingId: string) {
    await tx.delete(meetingReminders).where(eq(meetingReminders.bookingId, bookingId));
    if (!rows.length) return [];
    return tx.insert(meetingReminders).values(rows).returning({
      id: meetingReminders.id,
      scheduledFor: meetingReminders.scheduledFor,
      status: meetingReminders.status,
    });
  },

  /** Claims a due reminder exactly once: only the transaction that flips it from scheduled gets a row back. */
  async claimReminder(tx: Tx, reminderId: string) {
    const [row] = await tx
      .update(meetingReminders)
      .set({ status: 'sent', sentAt: sql`now()` })
      .where(
        and(
          eq(meetingReminders.id, reminderId),
          eq(meetingReminders.status, 'scheduled'),
          lte(meetingReminders.scheduledFor, sql`now() + interval '5 seconds'`),
        ),
      )
      .returning({ bookingId: meetingReminders.bookingId, offsetMinutes: meetingReminders.offsetMinutes });
    return row;
  },

  async skipReminder(tx: Tx, reminderId: string) {
    await tx.update(meetingReminders).set({ status: 'skipped' }).where(eq(meetingReminders.id, reminderId));
  },

  /** System lookups (no tenant yet) for jobs: a reminder's organization, and reminders whose job went missing. */
  async findReminderOrg(db: Database, reminderId: string) {
    const [row] = await db
      .select({ orgId: meetingReminders.orgId })
      .from(meetingReminders)
      .where(eq(meetingReminders.id, reminderId));
    return row?.orgId;
  },

  overdueReminders: (db: Database, graceSeconds: number) =>
    db
      .select({ id: meetingReminders.id })
      .from(meetingReminders)
      .where(
        and(
          eq(meetingReminders.status, 'scheduled'),
          lte(meetingReminders.scheduledFor, sql`now() - make_interval(secs => ${graceSeconds})`),
        ),
      )
      .limit(1000),

  async cancelReminders(tx: Tx, bookingId: string) {
    await tx
      .update(meetingReminders)
      .set({ status: 'cancelled' })
      .where(and(eq(meetingReminders.bookingId, bookingId), eq(meetingReminders.status, 'scheduled')));
  },

  /** Awaited, it writes at once; unawaited, it is a write for a change's one statement (writeInOneStatement). */
  eventWrite: (tx: Tx, values: typeof meetingAnalytics.$inferInsert) => tx.insert(meetingAnalytics).values(values),

  /** A meeting type's bookings still to happen: live, and not yet over. */
  liveUpcomingOfType: (tx: Tx, meetingTypeId: string, now: Date) =>
    tx
      .select()
      .from(meetingBookings)
      .where(
        and(
          eq(meetingBookings.meetingTypeId, meetingTypeId),
          inArray(meetingBookings.status, [...LIVE_BOOKING_STATUSES]),
          gt(meetingBookings.endAt, now),
        ),
      )
      .orderBy(asc(meetingBookings.startAt)),

  /** System lookup (no tenant yet): the organization and host a public booking uid belongs to. */
  async findOwner(db: Database, uid: string) {
    const [row] = await db
      .select({ orgId: meetingBookings.orgId, hostUserId: meetingBookings.hostUserId })
      .from(meetingBookings)
      .where(eq(meetingBookings.uid, uid));
    return row;
  },
};
