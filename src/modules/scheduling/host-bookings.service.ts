import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import type { Principal } from '../identity/service.js';
import { bookingNotFound, type BookingChanges } from './booking-changes.js';
import { bookingsCsv } from './booking-csv.js';
import { decodeCursor, encodeCursor, listFingerprint } from './booking-list-cursor.js';
import { BookingEffects } from './booking-effects.js';
import { bookingListRepo, type BookingListFilter } from './booking-list.repo.js';
import { hostMoveSlots, moveBooking } from './booking-moves.js';
import { applyTransition } from './booking-transitions.js';
import { bookingsRepo, type BookingWithContext } from './bookings.repo.js';
import { slotRange, type Host } from './offered-slots.js';
import type { BookingListFilters, HostActionInput } from './schemas.js';

/** An export holds at most this many rows, the first by the list's order; a date range narrows it. */
export const CSV_ROW_CAP = 10_000;

export type HostBookingsDeps = {
  db: Database;
  clock: Clock;
  lockTimeoutMs: number;
  findHostById: (userId: string) => Promise<Host | undefined>;
  changes: BookingChanges;
};

function listFilter(hostUserId: string, q: BookingListFilters, now: Date, limit: number): BookingListFilter {
  const filter: BookingListFilter = {
    hostUserId,
    limit,
    ...(q.order ? { newestFirst: q.order === 'desc' } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(q.q ? { search: q.q } : {}),
    ...(q.type ? { type: q.type } : {}),
  };
  const [first] = q.status ?? [];
  if (first === 'upcoming') return { ...filter, statuses: ['pending', 'confirmed'], endAfter: now };
  // Past meetings read newest first, unless `order` says otherwise.
  if (first === 'past') return { newestFirst: true, ...filter, statuses: ['confirmed'], endBefore: now };
  return q.status ? { ...filter, statuses: q.status as NonNullable<BookingListFilter['statuses']> } : filter;
}

/** What a cursor of the list is made for: its filters as asked, and the order they came to. */
const filterPrint = (q: BookingListFilters, f: BookingListFilter) => [
  q.status?.join(',') ?? null,
  f.from?.toISOString() ?? null,
  f.to?.toISOString() ?? null,
  f.search ?? null,
  f.type ?? null,
  f.newestFirst ?? false,
];

/** What the host does with their own bookings: find, export, annotate, and change them. */
export function createHostBookings(deps: HostBookingsDeps) {
  const { db, changes } = deps;

  async function ownBooking(tx: Tx, principal: Principal, uid: string): Promise<BookingWithContext> {
    const row = await bookingsRepo.findWithContext(tx, { uid });
    if (!row || row.booking.hostUserId !== principal.userId) throw bookingNotFound();
    return row;
  }

  /** The host, read before a transaction opens: PGlite has one connection, which the transaction holds. */
  async function hostOf(principal: Principal) {
    const host = await deps.findHostById(principal.userId);
    if (!host) throw bookingNotFound();
    return host;
  }

  return {
    getForHost: (principal: Principal, uid: string) =>
      withTenant(db, principal, async (tx) => changes.view(tx, await ownBooking(tx, principal, uid), 'host')),

    /** A page of the list: `next` asks for the one after it, and is null on the last. */
    list: (principal: Principal, q: BookingListFilters) =>
      withTenant(db, principal, async (tx) => {
        // One more than the page holds, to know without a count whether another page follows.
        const filter = listFilter(principal.userId, q, deps.clock(), q.limit + 1);
        const fingerprint = listFingerprint(filterPrint(q, filter));
        if (q.cursor) filter.after = decodeCursor(q.cursor, fingerprint);
        const rows = await bookingListRepo.list(tx, filter);
        const page = rows.slice(0, q.limit);
        const last = page.at(-1);
        return {
          bookings: await changes.views(tx, page, 'host'),
          next: rows.length > q.limit && last ? encodeCursor(last.key, fingerprint) : null,
        };
      }),

    /** The list as CSV; `truncated` when more bookings matched than the cap lets through. */
    async exportCsv(principal: Principal, q: BookingListFilters) {
      const filter = listFilter(principal.userId, q, deps.clock(), CSV_ROW_CAP + 1);
      const rows = await withTenant(db, principal, (tx) => bookingListRepo.list(tx, filter));
      return { csv: bookingsCsv(rows.slice(0, CSV_ROW_CAP)), truncated: rows.length > CSV_ROW_CAP };
    },

    /**
     * Confirm, decline, cancel, mark a no-show, reschedule or ask the invitee for a new time, as the transition
     * table allows. Under the host's booking lock, with the booking read after it: two changes to one booking
     * (the host's and the invitee's) run one after the other, each on the other's result.
     */
    async hostAction(principal: Principal, uid: string, input: HostActionInput) {
      const now = deps.clock();
      const fx = new BookingEffects();
      const host = input.action === 'reschedule' ? await hostOf(principal) : undefined;
      return changes.change(fx, () =>
        withTenant(db, principal, async (tx) => {
          await bookingsRepo.lockHost(tx, principal.userId, deps.lockTimeoutMs);
          const { booking } = await ownBooking(tx, principal, uid);
          const reason = input.reason ?? null;
          if (input.action === 'reschedule') {
            const start = new Date(input.start);
            await moveBooking(tx, fx, changes, 'reschedule', { host: host!, booking, start, now, by: 'host', reason });
          } else await applyTransition(input.action, { tx, fx, changes, booking, by: 'host', reason, now });
          return changes.view(tx, await changes.load(tx, { id: booking.id }), 'host');
        }),
      );
    },

    /** The host's private note: not a change anyone is told of, and no new revision of the calendar event. */
    setNote: (principal: Principal, uid: string, note: string) =>
      withTenant(db, principal, async (tx) => {
        const { booking } = await ownBooking(tx, principal, uid);
        await bookingsRepo.update(tx, booking.id, { hostNote: note === '' ? null : note });
        return changes.view(tx, await changes.load(tx, { id: booking.id }), 'host');
      }),

    async rescheduleSlots(principal: Principal, uid: string, q: { from: string; to: string; timeZone?: string }) {
      const { from, to } = slotRange(q);
      const host = await hostOf(principal);
      const slots = await withTenant(db, principal, async (tx) => {
        const { booking } = await ownBooking(tx, principal, uid);
        return hostMoveSlots(tx, host, booking, from, to, deps.clock());
      });
      return { timeZone: q.timeZone ?? host.timeZone, slots };
    },
  };
}
export type HostBookings = ReturnType<typeof createHostBookings>;
