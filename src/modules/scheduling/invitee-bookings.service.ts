import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import type { Notifications } from '../notifications/service.js';
import { bookingNotFound, notOffered, slotUnavailable, type BookingChanges } from './booking-changes.js';
import { BookingEffects } from './booking-effects.js';
import type { BookingViews } from './booking-view.js';
import { bookingsRepo, type BookingRow, type BookingWithContext } from './bookings.repo.js';
import type { ManageTokens } from './manage-token.js';
import { meetingTypesRepo } from './meeting-types.repo.js';
import { judgeStart, type Host } from './offered-slots.js';
import { scheduleReminders } from './reminders.service.js';
import type { BookingView } from './schemas.js';

const MINUTE = 60_000;

export type InviteeBookingsDeps = {
  db: Database;
  tokens: ManageTokens;
  publicUrl: string;
  notifications: Pick<Notifications, 'invite'>;
  findHostById: (userId: string) => Promise<Host | undefined>;
  clock: Clock;
  lockTimeoutMs: number;
  changes: BookingChanges;
  views: BookingViews;
  cancel(tx: Tx, fx: BookingEffects, b: BookingRow, by: 'invitee', reason?: string): Promise<BookingView>;
};

const isLive = (b: BookingRow) => b.status === 'pending' || b.status === 'confirmed';

/** What the invitee does with the manage token from their e-mails: read, cancel, reschedule. */
export function createInviteeBookings(deps: InviteeBookingsDeps) {
  const { db, tokens, changes } = deps;

  /**
   * Runs fn in the booking's tenant after checking the invitee's token; unknown uid and bad token look alike.
   * The host is looked up before the transaction opens: PGlite has one connection, so a query outside the
   * transaction while it is open would wait forever.
   */
  async function asInvitee<T>(
    uid: string,
    token: string,
    fn: (tx: Tx, row: BookingWithContext, host: Host) => Promise<T>,
  ) {
    const owner = await bookingsRepo.findOwner(db, uid);
    if (!owner || !tokens.verify(uid, token)) throw bookingNotFound();
    const host = await deps.findHostById(owner.hostUserId);
    if (!host) throw bookingNotFound();
    return withTenant(db, { orgId: owner.orgId }, async (tx) => fn(tx, await changes.load(tx, { uid }), host));
  }

  return {
    getForInvitee: (uid: string, token: string) => asInvitee(uid, token, (tx, row) => changes.view(tx, row, false)),

    /** The booking as a calendar file to add (PUBLISH); once cancelled, the same event marked CANCELLED. */
    icsForInvitee: (uid: string, token: string) =>
      asInvitee(uid, token, async (_tx, row) =>
        deps.notifications.invite(deps.views.mailOf(row), 'PUBLISH', new URL(deps.publicUrl).hostname),
      ),

    async inviteeCancel(uid: string, token: string, reason?: string) {
      const now = deps.clock();
      const fx = new BookingEffects();
      return changes.change(fx, () =>
        asInvitee(uid, token, async (tx, { booking: b }) => {
          if (!isLive(b)) throw conflict('booking_not_active', 'This booking is already cancelled or declined.');
          if (b.endAt <= now) throw conflict('booking_in_past', 'This meeting is over and can no longer be cancelled.');
          return deps.cancel(tx, fx, b, 'invitee', reason);
        }),
      );
    },

    /** Moves the booking in one UPDATE: the old time is freed and the new one taken atomically, same uid. */
    async inviteeReschedule(uid: string, token: string, newStart: string) {
      const now = deps.clock();
      const start = new Date(newStart);
      const fx = new BookingEffects();
      return changes.change(fx, () =>
        asInvitee(uid, token, async (tx, { booking: b }, host) => {
          if (!isLive(b)) throw conflict('booking_not_active', 'This booking is cancelled or declined.');
          if (b.endAt <= now)
            throw conflict('booking_in_past', 'This meeting is over and can no longer be rescheduled.');
          const type = await meetingTypesRepo.find(tx, b.hostUserId, b.meetingTypeId);
          if (!type) throw bookingNotFound();
          await bookingsRepo.lockHost(tx, b.hostUserId, deps.lockTimeoutMs);
          const verdict = await judgeStart(tx, { host, type, start, now, excludeBookingId: b.id });
          if (verdict === 'not_offered') throw notOffered();
          if (verdict === 'taken') throw slotUnavailable();
          const moved = await bookingsRepo.update(tx, b.id, {
            startAt: start,
            endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
            sequence: b.sequence + 1,
          });
          await scheduleReminders(tx, fx, type, moved, now);
          await changes.syncVideo(tx, fx, b.id);
          await changes.recordEvent(tx, b, 'booking_rescheduled');
          const { bookingView } = await changes.announce(
            tx,
            fx,
            b.id,
            { kind: 'rescheduled', previousStart: b.startAt },
            'booking.rescheduled',
          );
          fx.freed(b.hostUserId, { start: b.startAt.toISOString(), end: b.endAt.toISOString() });
          fx.booked(b.hostUserId, bookingView);
          return bookingView;
        }),
      );
    },
  };
}
