import { isExclusionViolation } from '../../db/errors.js';
import { writeInOneStatement } from '../../db/one-statement.js';
import type { Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import type { Notifications } from '../notifications/service.js';
import type { BookingMailEvent } from '../notifications/types.js';
import type { VideoLinks } from '../video/links.service.js';
import type { Webhooks } from '../webhooks/service.js';
import type { BookingEffects, SlotChange, WebhookEvent } from './booking-effects.js';
import { questionsWithAnswers, type BookingViews, type Reader } from './booking-view.js';
import { bookingsRepo, type BookingRow, type BookingWithContext, type ReminderRow } from './bookings.repo.js';
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

type AnalyticsEvent = 'booking_created' | 'booking_cancelled' | 'booking_rescheduled' | 'no_show';

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

  /**
   * The e-mails and webhooks of a change, rendered now, as writes for the change's transaction (see
   * writeInOneStatement, `hooks` being the write to count), and the booking as webhook receivers see it.
   */
  function announcement(
    tx: Tx,
    row: BookingWithContext,
    reminders: ReminderRow[],
    mail: BookingMailEvent,
    hook: WebhookEvent | undefined,
  ) {
    const { id, orgId, hostUserId } = row.booking;
    const bookingView = deps.views.viewOf(row, reminders, 'others');
    return {
      bookingView,
      mails: deps.notifications.bookingMailWrites(tx, { orgId, bookingId: id }, mail, deps.views.mailOf(row)),
      hooks: hook
        ? deps.webhooks.eventWrite(orgId, hostUserId, hook, {
            booking: { ...bookingView, questions: questionsWithAnswers(row) },
          })
        : undefined,
    };
  }

  /** After an announcement's writes: the mail sender is nudged, and the webhook sender if any were queued. */
  function announced(fx: BookingEffects, webhookDeliveries: number) {
    fx.mail = true;
    if (webhookDeliveries > 0) fx.webhooks = true;
  }

  /** Re-reads the booking after a change and records its e-mails and webhooks in the same transaction. */
  async function announce(
    tx: Tx,
    fx: BookingEffects,
    id: string,
    mail: BookingMailEvent,
    hook: WebhookEvent | undefined,
  ) {
    const row = await load(tx, { id });
    const reminders = (await bookingsRepo.remindersOf(tx, [id])).get(id) ?? [];
    const { bookingView, mails, hooks } = announcement(tx, row, reminders, mail, hook);
    announced(fx, await writeInOneStatement(tx, mails, hooks));
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

  /** A booking's analytics event, as a write for the change's one statement (writeInOneStatement). */
  const eventWrite = (tx: Tx, b: BookingRow, event: AnalyticsEvent) =>
    bookingsRepo.eventWrite(tx, { orgId: b.orgId, meetingTypeId: b.meetingTypeId, bookingId: b.id, event });

  async function recordEvent(tx: Tx, b: BookingRow, event: AnalyticsEvent) {
    await eventWrite(tx, b, event);
  }

  return {
    load,
    views,
    view,
    announcement,
    announced,
    announce,
    afterCommit,
    change,
    syncVideo,
    reopenVideo,
    eventWrite,
    recordEvent,
  };
}
export type BookingChanges = ReturnType<typeof createBookingChanges>;
