import type { Tx } from '../../db/tenant.js';
import { conflict } from '../../lib/errors.js';
import type { BookingMailEvent } from '../notifications/types.js';
import type { BookingChanges } from './booking-changes.js';
import type { BookingEffects, WebhookEvent } from './booking-effects.js';
import { bookingsRepo, type BookingPatch, type BookingRow } from './bookings.repo.js';
import type { MeetingTypeRow } from './meeting-types.repo.js';
import { scheduleReminders } from './reminders.service.js';
import type { BookingView } from './schemas.js';

export type BookingStatus = BookingRow['status'];
export type BookingTransition =
  'confirm' | 'decline' | 'cancel' | 'no_show' | 'reschedule' | 'request_reschedule' | 'rebook';

/** The new time of a transition that moves the booking, already judged free by the slot engine. */
export type Move = {
  start: Date;
  end: Date;
  type: Pick<MeetingTypeRow, 'reminderOffsetsMinutes' | 'requiresConfirmation'>;
};

/** One transition as it runs, in the transaction of the request that asked for it. */
export type TransitionRun = {
  tx: Tx;
  fx: BookingEffects;
  changes: Pick<BookingChanges, 'announce' | 'syncVideo' | 'reopenVideo' | 'recordEvent'>;
  booking: BookingRow;
  by: 'host' | 'invitee';
  reason: string | null;
  now: Date;
  /** Where the booking goes, for the transitions that move it. */
  move?: Move;
  /** The booking as its announcement described it, once announced. */
  announced?: BookingView;
};

type Effect = (run: TransitionRun) => Promise<void> | void;

type Rule = {
  /** The statuses it may start from. */
  from: readonly BookingStatus[];
  /** The status it ends in; worked out from the run where that depends on the booking or its type. */
  to: BookingStatus | ((run: TransitionRun) => BookingStatus);
  /** Completes "A <status> booking cannot be …", the answer from any other status. */
  refusal: string;
  /** A further condition on the booking besides its status, and the answer when it does not hold. */
  only?: { holds: (b: BookingRow) => boolean; refusal: string };
  /** The answer before the meeting has started, for a change that only makes sense once it has. */
  beforeStart?: string;
  /** The answer once the meeting is over, for a change that only makes sense before it ends. */
  afterEnd?: string;
  /** It takes the booking to the run's new time (run.move), a new revision of its calendar event. */
  moves?: true;
  /** Columns it writes besides the status. */
  sets?: (run: TransitionRun) => BookingPatch;
  /** What it sets off after the write, in this order. */
  effects: readonly Effect[];
};

const stopReminders: Effect = ({ tx, booking }) => bookingsRepo.cancelReminders(tx, booking.id);
const newReminders: Effect = ({ tx, fx, booking, move, now }) =>
  scheduleReminders(tx, fx, move!.type, { ...booking, startAt: move!.start }, now);
const syncVideo: Effect = ({ tx, fx, booking, changes }) => changes.syncVideo(tx, fx, booking.id);
const reopenVideo: Effect = ({ tx, fx, booking, changes }) => changes.reopenVideo(tx, fx, booking);
const record =
  (event: 'booking_cancelled' | 'booking_rescheduled' | 'no_show'): Effect =>
  ({ tx, booking, changes }) =>
    changes.recordEvent(tx, booking, event);
const announce =
  (mail: (run: TransitionRun) => BookingMailEvent, hook: WebhookEvent): Effect =>
  async (run) => {
    run.announced = (await run.changes.announce(run.tx, run.fx, run.booking.id, mail(run), hook)).bookingView;
  };
const freeTime: Effect = ({ fx, booking: b }) =>
  fx.freed(b.hostUserId, { start: b.startAt.toISOString(), end: b.endAt.toISOString() });
const takeTime: Effect = ({ fx, booking: b, move }) =>
  fx.booked(b.hostUserId, { start: move!.start.toISOString(), end: move!.end.toISOString() });
/** A cancelled or declined booking keeps who ended it and why. */
const ended = ({ by, reason }: TransitionRun): BookingPatch => ({ cancelledBy: by, cancelReason: reason });
const moved =
  (afterRequest: boolean) =>
  ({ booking, by, reason }: TransitionRun): BookingMailEvent => ({
    kind: 'rescheduled',
    previousStart: booking.startAt,
    by,
    reason,
    afterRequest,
  });

/**
 * Every way a booking's status moves after it is made, in one place. Ending a booking (decline, cancel) stops
 * its reminders, removes its video meeting and frees its time; only a cancellation counts in the analytics.
 * A no-show leaves the booking confirmed and marks it. A reschedule keeps the status and moves the time.
 *
 * A host's request for a new time ends the booking as a cancellation does (the time is freed and calendars drop
 * the event) but marks it, so the invitee can bring the same booking back at a time they pick (rebook): as the
 * type says, confirmed or pending again. Neither counts in the analytics until the invitee picks: the request
 * alone is not a cancellation the host's funnel should show, and the picked time counts as a reschedule.
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
  reschedule: {
    from: ['pending', 'confirmed'],
    to: ({ booking }) => booking.status,
    refusal: 'rescheduled',
    afterEnd: 'This meeting is over and can no longer be rescheduled.',
    moves: true,
    effects: [
      newReminders,
      syncVideo,
      record('booking_rescheduled'),
      announce(moved(false), 'booking.rescheduled'),
      freeTime,
      takeTime,
    ],
  },
  request_reschedule: {
    from: ['pending', 'confirmed'],
    to: 'cancelled',
    refusal: 'asked for a new time',
    afterEnd: 'This meeting is over; there is no time left to change.',
    sets: (run) => ({ ...ended(run), rescheduleRequestedAt: run.now }),
    effects: [
      stopReminders,
      syncVideo,
      announce(({ reason }) => ({ kind: 'reschedule_requested', reason }), 'booking.cancelled'),
      freeTime,
    ],
  },
  rebook: {
    from: ['cancelled'],
    to: ({ move }) => (move!.type.requiresConfirmation ? 'pending' : 'confirmed'),
    refusal: 'booked again',
    only: {
      holds: (b) => b.rescheduleRequestedAt !== null,
      refusal: 'This booking was cancelled. Only a booking whose host asked for a new time can be booked again.',
    },
    moves: true,
    sets: () => ({ rescheduleRequestedAt: null, cancelledBy: null, cancelReason: null }),
    effects: [
      newReminders,
      reopenVideo,
      record('booking_rescheduled'),
      announce(moved(true), 'booking.rescheduled'),
      takeTime,
    ],
  },
};

/** Throws the 409 for a booking that is in no state to take the transition now. */
export function checkTransition(
  transition: BookingTransition,
  booking: Pick<BookingRow, 'status' | 'startAt' | 'endAt' | 'rescheduleRequestedAt'>,
  now: Date,
) {
  const rule = bookingTransitions[transition];
  if (!rule.from.includes(booking.status))
    throw conflict('invalid_transition', `A ${booking.status} booking cannot be ${rule.refusal}.`);
  if (rule.only && !rule.only.holds(booking as BookingRow)) throw conflict('invalid_transition', rule.only.refusal);
  if (rule.beforeStart && booking.startAt > now) throw conflict('meeting_not_started', rule.beforeStart);
  if (rule.afterEnd && booking.endAt <= now) throw conflict('booking_in_past', rule.afterEnd);
}

/**
 * The columns a transition writes. A new status or a new time is a new revision of the calendar event (its
 * SEQUENCE).
 */
export function transitionPatch(transition: BookingTransition, run: TransitionRun): BookingPatch {
  const rule = bookingTransitions[transition];
  const b = run.booking;
  const to = typeof rule.to === 'function' ? rule.to(run) : rule.to;
  const time = rule.moves ? { startAt: run.move!.start, endAt: run.move!.end } : {};
  const revised = to !== b.status || rule.moves;
  return {
    ...(to === b.status ? {} : { status: to }),
    ...time,
    ...(revised ? { sequence: b.sequence + 1 } : {}),
    ...rule.sets?.(run),
  };
}

/** Checks, writes and sets off one transition; answers the booking as announced, when the transition announces. */
export async function applyTransition(transition: BookingTransition, run: TransitionRun) {
  checkTransition(transition, run.booking, run.now);
  if (bookingTransitions[transition].moves && !run.move) throw new Error(`${transition} needs the new time`);
  await bookingsRepo.update(run.tx, run.booking.id, transitionPatch(transition, run));
  for (const effect of bookingTransitions[transition].effects) await effect(run);
  return run.announced;
}
