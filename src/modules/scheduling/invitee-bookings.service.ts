import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { conflict } from '../../lib/errors.js';
import type { Notifications } from '../notifications/service.js';
import { bookingNotFound, type BookingChanges } from './booking-changes.js';
import { BookingEffects } from './booking-effects.js';
import { moveBooking } from './booking-moves.js';
import type { BookingViews } from './booking-view.js';
import { bookingsRepo, type BookingRow, type BookingWithContext } from './bookings.repo.js';
import type { ManageTokens } from './manage-token.js';
import type { Host } from './offered-slots.js';
import type { BookingView } from './schemas.js';

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
    getForInvitee: (uid: string, token: string) => asInvitee(uid, token, (tx, row) => changes.view(tx, row, 'others')),

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

    /**
     * Moves the booking in one UPDATE: the old time is freed and the new one taken atomically, same uid. A booking
     * whose host asked for a new time is cancelled until now: picking one brings it back (and only once, since it
     * is then live and no longer asked about). The booking is read again under the host's lock, so a change the
     * host makes meanwhile is seen.
     */
    async inviteeReschedule(uid: string, token: string, newStart: string) {
      const now = deps.clock();
      const fx = new BookingEffects();
      return changes.change(fx, () =>
        asInvitee(uid, token, async (tx, { booking: before }, host) => {
          await bookingsRepo.lockHost(tx, before.hostUserId, deps.lockTimeoutMs);
          const { booking: b } = await changes.load(tx, { id: before.id });
          const rebook = b.status === 'cancelled' && b.rescheduleRequestedAt !== null;
          if (!isLive(b) && !rebook) throw conflict('booking_not_active', 'This booking is cancelled or declined.');
          const move = { host, booking: b, start: new Date(newStart), now, by: 'invitee' as const, reason: null };
          return moveBooking(tx, fx, changes, rebook ? 'rebook' : 'reschedule', move);
        }),
      );
    },
  };
}
