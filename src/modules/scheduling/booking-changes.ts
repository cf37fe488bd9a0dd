import { isExclusionViolation } from '../../db/errors.js';
import type { Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import type { Notifications } from '../notifications/service.js';
import type { BookingMailEvent } from '../notifications/types.js';
import type { VideoLinks } from '../video/links.service.js';
import type { Webhooks } from '../webhooks/service.js';
import type { BookingEffects, SlotChange, WebhookEvent } from './booking-effects.js';
import { questionsWithAnswers, type BookingViews, type Reader } from './booking-view.js';
import { bookingsRepo, type BookingRow, type BookingWithContext } from './bookings.repo.js';
import { queueReminders } from './reminders.service.js';
import type { BookingView } from './schemas.js';

export type BookingChangesDeps = {
  queue: JobQueue;
  notifications: Notifications;
  webhooks: Webhooks;
  video: Pick<VideoLinks, 'requestSync' | 'reopen' | 'kick'>;
  onSlotsChanged: (hostUserId: string, change: SlotChange) => void;
  views: BookingViews;
};

export const bookingNotFound = () => notFound('The booking');
export const slotUnavailable = () =>
  conflict('slot_unavailable', 'This time was just taken. Please pick another time.');
export const notOffered = () =>
  invalid({ start: 'This time is not offered. Pick one of the available times.' }, 'This time is not offered.');

/**
 * What every change to a booking shares: reading it with its context, recording its e-mails and webhooks in
 * the change's transaction, and setting off its effects once that transaction has committed.
 */
export function createBookingChanges(deps: BookingChangesDeps) {
  async function load(tx: Tx, by: { uid: string } | { id: string }): Promise<BookingWithContext> {
    const row = await bookingsRepo.findWithContext(tx, by);
    if (!row) throw bookingNotFound();
    return row;
  }

  /** Views of many bookings share one reminders query, however many bookings there are. */
  async function views(tx: Tx, rows: BookingWithContext[], reader: Reader): Promise<BookingView[]> {
    const reminders = await bookingsRepo.remindersOf(
      tx,
      rows.map((r) => r.booking.id),
    );
    return rows.map((row) => deps.views.viewOf(row, reminders.get(row.booking.id) ?? [], reader));
  }

  const view = async (tx: Tx, row: BookingWithContext, reader: Reader) => (await views(tx, [row], reader))[0]!;

  /** Re-reads the booking after a change and records its e-mails and webhooks in the same transaction. */
  async function announce(
    tx: Tx,
    fx: BookingEffects,
    id: string,
    mail: BookingMailEvent,
    hook: WebhookEvent | undefined,
  ) {
    const row = await load(tx, { id });
    const { orgId, hostUserId } = row.booking;
    await deps.notifications.queueBookingMail(tx, { orgId, bookingId: id }, mail, deps.views.mailOf(row));
    fx.mail = true;
    const bookingView = await view(tx, row, 'others');
    if (hook)
      fx.webhooks =
        (await deps.webhooks.queueEvent(tx, orgId, hostUserId, hook, {
          booking: { ...bookingView, questions: questionsWithAnswers(row) },
        })) || fx.webhooks;
    return { row, bookingView };
  }

  function afterCommit(fx: BookingEffects) {
    for (const [host, change] of fx.slotChanges) deps.onSlotsChanged(host, change);
    queueReminders(deps.queue, fx.reminders);
    if (fx.mail) deps.notifications.kick();
    if (fx.video) deps.video.kick();
    if (fx.webhooks) deps.webhooks.kick();
  }

  /** A booking change in a transaction, mapping the database's last word on overlaps to 409. */
  async function change<T>(fx: BookingEffects, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      afterCommit(fx);
      return result;
    } catch (error) {
      if (isExclusionViolation(error, 'meeting_bookings_no_overlap')) throw slotUnavailable();
      throw error;
    }
  }

  async function syncVideo(tx: Tx, fx: BookingEffects, bookingId: string) {
    await deps.video.requestSync(tx, bookingId);
    fx.video = true;
  }

  /** A cancelled booking is live again: its video meeting too, without the address of one since removed. */
  async function reopenVideo(tx: Tx, fx: BookingEffects, b: BookingRow) {
    if (await deps.video.reopen(tx, b.id)) {
      const { url: _removed, ...location } = b.location;
      await bookingsRepo.update(tx, b.id, { location });
    }
    fx.video = true;
  }

  const recordEvent = (
    tx: Tx,
    b: BookingRow,
    event: 'booking_created' | 'booking_cancelled' | 'booking_rescheduled' | 'no_show',
  ) => bookingsRepo.recordEvent(tx, { orgId: b.orgId, meetingTypeId: b.meetingTypeId, bookingId: b.id, event });

  return { load, views, view, announce, afterCommit, change, syncVideo, reopenVideo, recordEvent };
}
export type BookingChanges = ReturnType<typeof createBookingChanges>;
