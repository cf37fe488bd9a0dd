import type { Tx } from '../../db/tenant.js';
import { conflict } from '../../lib/errors.js';
import { notOffered, slotUnavailable, type BookingChanges } from './booking-changes.js';
import type { BookingEffects } from './booking-effects.js';
import { applyTransition, checkTransition } from './booking-transitions.js';
import type { BookingRow } from './bookings.repo.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { judgeStart, offeredSlots, type Host } from './offered-slots.js';

const MINUTE = 60_000;

export type MoveRequest = {
  host: Host;
  /** Read after the host's booking lock was taken, so no other change to it can come in between. */
  booking: BookingRow;
  start: Date;
  now: Date;
  by: 'host' | 'invitee';
  reason: string | null;
};

/**
 * The rules a new time is held to. A host picking it is not held to the type's minimum notice: the notice keeps
 * invitees from booking the host at short notice, and here the host is the one choosing (Calendly and Cal.com
 * let a host move a meeting to any free time too). Hours, buffers, booking window and daily limit still hold.
 */
const rulesFor = (type: MeetingTypeRow, by: 'host' | 'invitee') =>
  by === 'host' ? { ...type, minimumNoticeMinutes: 0 } : type;

async function typeOf(tx: Tx, booking: BookingRow) {
  const type = await meetingTypesRepo.find(tx, booking.hostUserId, booking.meetingTypeId);
  if (!type) throw conflict('meeting_type_deleted', 'The meeting type of this booking was deleted.');
  return type;
}

/**
 * Moves a booking to a new start in the caller's transaction, under the host's lock, on the slot engine with
 * the checks of a new booking (offered, not taken), the booking itself left out of the busy time. The uid stays,
 * its calendar event gets a new revision; `rebook` brings back a booking whose host asked for a new time.
 * Answers the booking as announced.
 */
export async function moveBooking(
  tx: Tx,
  fx: BookingEffects,
  changes: BookingChanges,
  transition: 'reschedule' | 'rebook',
  r: MoveRequest,
) {
  checkTransition(transition, r.booking, r.now);
  const type = await typeOf(tx, r.booking);
  const verdict = await judgeStart(tx, {
    host: r.host,
    type: rulesFor(type, r.by),
    start: r.start,
    now: r.now,
    excludeBookingId: r.booking.id,
  });
  if (verdict === 'not_offered') throw notOffered();
  if (verdict === 'taken') throw slotUnavailable();
  const move = { start: r.start, end: new Date(r.start.getTime() + type.durationMinutes * MINUTE), type };
  const { booking, by, reason, now } = r;
  return (await applyTransition(transition, { tx, fx, changes, booking, by, reason, now, move }))!;
}

/** The times the host may move a booking to, in [from, to): what moveBooking would accept from them. */
export async function hostMoveSlots(tx: Tx, host: Host, booking: BookingRow, from: Date, to: Date, now: Date) {
  const type = await typeOf(tx, booking);
  return offeredSlots(tx, { host, type: rulesFor(type, 'host'), from, to, now, excludeBookingId: booking.id });
}
