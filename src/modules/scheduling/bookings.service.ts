import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../lib/clock.js';
import { unauthorized } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import type { Notifications } from '../notifications/service.js';
import type { VideoLinks } from '../video/links.service.js';
import type { Webhooks } from '../webhooks/service.js';
import { createBookingChanges } from './booking-changes.js';
import { BookingEffects, type SlotChange } from './booking-effects.js';
import { applyTransition } from './booking-transitions.js';
import { createBookingViews } from './booking-view.js';
import { bookingsRepo, type BookingRow } from './bookings.repo.js';
import { createHostBookings } from './host-bookings.service.js';
import { createInviteeBookings } from './invitee-bookings.service.js';
import { createNewBookings } from './new-bookings.service.js';
import type { ManageTokens } from './manage-token.js';
import type { Host } from './offered-slots.js';
import { createReminders } from './reminders.service.js';

export type BookingsDeps = {
  db: Database;
  queue: JobQueue;
  notifications: Notifications;
  webhooks: Webhooks;
  tokens: ManageTokens;
  publicUrl: string;
  video: Pick<VideoLinks, 'locationFor' | 'newLink' | 'requestSync' | 'reopen' | 'kick'>;
  findHost: (username: string) => Promise<Host | undefined>;
  findHostById: (userId: string) => Promise<Host | undefined>;
  onSlotsChanged: (hostUserId: string, change: SlotChange) => void;
  clock: Clock;
  /** Longest wait for the host's booking lock before the request answers 503 busy. */
  lockTimeoutMs: number;
};

export function createBookingsService(deps: BookingsDeps) {
  const { db, tokens, clock } = deps;
  const bookingViews = createBookingViews({ tokens, publicUrl: deps.publicUrl });
  const changes = createBookingChanges({ ...deps, views: bookingViews });
  const { load, announce, afterCommit } = changes;
  const reminders = createReminders({ db, queue: deps.queue, load, announce, afterCommit });

  /**
   * Cancelling frees the time, stops the reminders and tells both people, whoever cancels; it always announces,
   * so the booking as announced is there to answer with.
   */
  const cancel = async (tx: Tx, fx: BookingEffects, booking: BookingRow, by: 'host' | 'invitee', reason?: string) =>
    (await applyTransition('cancel', { tx, fx, changes, booking, by, reason: reason ?? null, now: clock() }))!;
  const invitee = createInviteeBookings({ ...deps, changes, views: bookingViews, cancel });
  const host = createHostBookings({ ...deps, changes });

  return {
    ...createNewBookings({ ...deps, changes, views: bookingViews }),
    ...invitee,
    ...host,

    /** Who may see a booking: its host (session or API key) or the invitee with the token. */
    async getForCaller(principal: Principal | undefined, uid: string, token: string | undefined) {
      if (token) return invitee.getForInvitee(uid, token);
      if (!principal) throw unauthorized('unauthenticated', 'Log in, or open the link from your confirmation e-mail.');
      return host.getForHost(principal, uid);
    },

    /**
     * For deleting a meeting type, inside the caller's transaction: the type's bookings still to happen, and a
     * way to cancel each of them as the host would, with the usual e-mails, webhooks and video deletion. The host
     * is locked first, so no booking of the type slips in between the count and the deletion. Run the function
     * cancelAll answers once the caller's transaction has committed.
     */
    async upcomingOfType(tx: Tx, type: { id: string; hostUserId: string }) {
      await bookingsRepo.lockHost(tx, type.hostUserId, deps.lockTimeoutMs);
      const rows = await bookingsRepo.liveUpcomingOfType(tx, type.id, clock());
      return {
        count: rows.length,
        async cancelAll(reason: string | undefined) {
          const fx = new BookingEffects();
          for (const b of rows) await cancel(tx, fx, b, 'host', reason);
          return () => afterCommit(fx);
        },
      };
    },

    sendReminder: reminders.send,

    /** The provider's link arrived: the booking carries it, and a confirmed booking's people get an update. */
    async applyVideoLink(booking: { id: string; orgId: string }, url: string, providerLabel: string) {
      const fx = new BookingEffects();
      await withTenant(db, { orgId: booking.orgId }, async (tx) => {
        const { booking: b } = await load(tx, { id: booking.id });
        await bookingsRepo.update(tx, b.id, { location: { ...b.location, url }, sequence: b.sequence + 1 });
        if (b.status === 'confirmed')
          await announce(tx, fx, b.id, { kind: 'video_ready', provider: providerLabel }, undefined);
      });
      afterCommit(fx);
    },

    /** The provider would not make a link: the host hears why; the booking and its e-mails stand. */
    async videoLinkFailed(booking: { id: string; orgId: string }, providerLabel: string, reason: string) {
      const fx = new BookingEffects();
      await withTenant(db, { orgId: booking.orgId }, (tx) =>
        announce(tx, fx, booking.id, { kind: 'video_failed', provider: providerLabel, reason }, undefined),
      );
      afterCommit(fx);
    },

    registerJobs: reminders.registerJobs,
  };
}
export type BookingsService = ReturnType<typeof createBookingsService>;
