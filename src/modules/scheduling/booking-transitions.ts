import type { Tx } from '../../db/tenant.js';
import { conflict } from '../../lib/errors.js';
import type { BookingMailEvent } from '../notifications/types.js';
import type { BookingChanges } from './booking-changes.js';
import type { BookingEffects, WebhookEvent } from './booking-effects.js';
import { bookingsRepo, type BookingPatch, type BookingRow } from './bookings.repo.js';
import type { BookingView } from './schemas.js';

export type BookingStatus = BookingRow['status'];
export type BookingTransition = 'confirm' | 'decline' | 'cancel' | 'no_show';

/** One transition as it runs, in the transaction of the request that asked for it. */
export type TransitionRun = {
  tx: Tx;
  fx: BookingEffects;
  changes: Pick<BookingChanges, 'announce' | 'syncVideo' | 'recordEvent'>;
  booking: BookingRow;
  by: 'host' | 'invitee';
  reason: string | null;
  now: Date;
  /** The booking as its announcement described it, once announced. */
  announced?: BookingView;
};

type Effect = (run: TransitionRun) => Promise<void> | void;

type Rule = {
  /** The statuses it may start from. */
  from: readonly BookingStatus[];
  to: BookingStatus;
  /** Completes "A <status> booking cannot be …", the answer from any other status. */
  refusal: string;
  /** The answer before the meeting has started, for a change that only makes sense once it has. */
  beforeStart?: string;
  /** Columns it writes besides the status. */
  sets?: (run: TransitionRun) => BookingPatch;
  /** What it sets off after the write, in this order. */
  effects: readonly Effect[];
};

const stopReminders: Effect = ({ tx, booking }) => bookingsRepo.cancelReminders(tx, booking.id);
const syncVideo: Effect = ({ tx, fx, booking, changes }) => changes.syncVideo(tx, fx, booking.id);
const record =
  (event: 'booking_cancelled' | 'no_show'): Effect =>
  ({ tx, booking, changes }) =>
    changes.recordEvent(tx, booking, event);
const announce =
  (mail: (run: TransitionRun) => BookingMailEvent, hook: WebhookEvent): Effect =>
  async (run) => {
    run.announced = (await run.changes.announce(run.tx, run.fx, run.booking.id, mail(run), hook)).bookingView;
  };
const freeTime: Effect = ({ fx, booking: b }) =>
  fx.freed(b.hostUserId, { start: b.startAt.toISOString(), end: b.endAt.toISOString() });
/** A cancelled or declined booking keeps who ended it and why. */
const ended = ({ by, reason }: TransitionRun): BookingPatch => ({ cancelledBy: by, cancelReason: reason });

/**
 * Every way a booking's status moves after it is made, in one place. Ending a booking (decline, cancel) stops
 * its reminders, removes its video meeting and frees its time; only a cancellation counts in the analytics.
 * A no-show leaves the booking confirmed and marks it.
 */
export const bookingTransitions: Record<BookingTransition, Rule> = {
  confirm: {
    from: ['pending'],
    to: 'confirmed',
    refusal: 'confirmed',
    effects: [announce(() => ({ kind: 'confirmed' }), 'booking.confirmed')],
  },
  decline: {
    from: ['pending'],
    to: 'declined',
    refusal: 'declined',
    sets: ended,
    effects: [
      stopReminders,
      syncVideo,
      announce(({ reason }) => ({ kind: 'declined', reason }), 'booking.declined'),
      freeTime,
    ],
  },
  cancel: {
    from: ['pending', 'confirmed'],
    to: 'cancelled',
    refusal: 'cancelled',
    sets: ended,
    effects: [
      stopReminders,
      syncVideo,
      record('booking_cancelled'),
      announce(({ by, reason }) => ({ kind: 'cancelled', by, reason }), 'booking.cancelled'),
      freeTime,
    ],
  },
  no_show: {
    from: ['confirmed'],
    to: 'confirmed',
    refusal: 'marked as a no-show',
    beforeStart: 'You can mark a no-show once the meeting has started.',
    sets: () => ({ noShow: true }),
    effects: [record('no_show')],
  },
};

/** Throws the 409 for a booking that is in no state to take the transition now. */
export function checkTransition(
  transition: BookingTransition,
  booking: Pick<BookingRow, 'status' | 'startAt'>,
  now: Date,
) {
  const rule = bookingTransitions[transition];
  if (!rule.from.includes(booking.status))
    throw conflict('invalid_transition', `A ${booking.status} booking cannot be ${rule.refusal}.`);
  if (rule.beforeStart && booking.startAt > now) throw conflict('meeting_not_started', rule.beforeStart);
}

/** The columns a transition writes. A new status is a new revision of the calendar event (its SEQUENCE). */
export function transitionPatch(transition: BookingTransition, run: TransitionRun): BookingPatch {
  const rule = bookingTransitions[transition];
  const b = run.booking;
  return { ...(rule.to === b.status ? {} : { status: rule.to, sequence: b.sequence + 1 }), ...rule.sets?.(run) };
}

/** Checks, writes and sets off one transition; answers the booking as announced, when the transition announces. */
export async function applyTransition(transition: BookingTransition, run: TransitionRun) {
  checkTransition(transition, run.booking, run.now);
  await bookingsRepo.update(run.tx, run.booking.id, transitionPatch(transition, run));
  for (const effect of bookingTransitions[transition].effects) await effect(run);
  return run.announced;
}
