import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { BookingMailEvent } from '../notifications/types.js';
import { BookingEffects, type WebhookEvent } from './booking-effects.js';
import { bookingsRepo, type BookingRow, type BookingWithContext } from './bookings.repo.js';
import type { MeetingTypeRow } from './meeting-types.repo.js';

const MINUTE = 60_000;
export const REMINDER_JOB = 'reminder.send';
const REMINDER_SWEEP_JOB = 'reminder.sweep';
/** How late the sweep lets a reminder be before it sends it itself: its own job should have come by then. */
const SWEEP_GRACE_SECONDS = 60;

/**
 * A booking's reminders, one per offset of its type. One whose time has already passed when the booking is made
 * (or moved) is recorded as skipped, not sent late.
 */
export function remindersFor(
  type: Pick<MeetingTypeRow, 'reminderOffsetsMinutes'>,
  booking: Pick<BookingRow, 'id' | 'orgId' | 'startAt'>,
  now: Date,
) {
  return type.reminderOffsetsMinutes.map((offsetMinutes) => {
    const scheduledFor = new Date(booking.startAt.getTime() - offsetMinutes * MINUTE);
    const status = scheduledFor <= now ? ('skipped' as const) : ('scheduled' as const);
    return { orgId: booking.orgId, bookingId: booking.id, offsetMinutes, scheduledFor, status };
  });
}

/** In the booking's transaction: its reminders replace any it had; those still to come get a job after commit. */
export async function scheduleReminders(
  tx: Tx,
  fx: BookingEffects,
  type: Pick<MeetingTypeRow, 'reminderOffsetsMinutes'>,
  booking: BookingRow,
  now: Date,
) {
  const rows = await bookingsRepo.replaceReminders(tx, remindersFor(type, booking, now), booking.id);
  fx.reminders.push(...rows.filter((r) => r.status === 'scheduled'));
}

/** After commit: one job per reminder, due at its time. A lost send is caught by the sweep. */
export function queueReminders(queue: JobQueue, reminders: BookingEffects['reminders']) {
  for (const r of reminders) {
    queue.send(REMINDER_JOB, { reminderId: r.id }, { startAfter: r.scheduledFor }).catch(() => {});
  }
}

export type RemindersDeps = {
  db: Database;
  queue: JobQueue;
  load(tx: Tx, by: { id: string }): Promise<BookingWithContext>;
  /** Records the booking's e-mails and webhooks for the event in the transaction. */
  announce(tx: Tx, fx: BookingEffects, id: string, mail: BookingMailEvent, hook: WebhookEvent): Promise<unknown>;
  afterCommit(fx: BookingEffects): void;
};

/** The reminder jobs: each reminder is sent once, and only while its booking is confirmed. */
export function createReminders(deps: RemindersDeps) {
  const { db } = deps;

  async function send(reminderId: string): Promise<boolean> {
    const orgId = await bookingsRepo.findReminderOrg(db, reminderId);
    if (!orgId) return false;
    const fx = new BookingEffects();
    const sent = await withTenant(db, { orgId }, async (tx) => {
      const claimed = await bookingsRepo.claimReminder(tx, reminderId);
      if (!claimed) return false;
      const row = await deps.load(tx, { id: claimed.bookingId });
      if (row.booking.status !== 'confirmed') {
        await bookingsRepo.skipReminder(tx, reminderId);
        return false;
      }
      await deps.announce(
        tx,
        fx,
        row.booking.id,
        { kind: 'reminder', offsetMinutes: claimed.offsetMinutes },
        'reminder.sent',
      );
      return true;
    });
    deps.afterCommit(fx);
    return sent;
  }

  return {
    send,

    registerJobs() {
      deps.queue.define(REMINDER_JOB, async (data) => {
        await send(String(data.reminderId));
      });
      // A reminder whose job was never queued (a crash right after commit) is still sent, a minute late.
      deps.queue.define(REMINDER_SWEEP_JOB, async () => {
        for (const r of await bookingsRepo.overdueReminders(db, SWEEP_GRACE_SECONDS)) await send(r.id);
      });
      deps.queue.every(REMINDER_SWEEP_JOB, '* * * * *');
    },
  };
}
