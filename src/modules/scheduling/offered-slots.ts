import type { Tx } from '../../db/tenant.js';
import { invalid } from '../../lib/errors.js';
import { hoursOf } from './availability.service.js';
import { bookingsRepo } from './bookings.repo.js';
import type { MeetingTypeRow } from './meeting-types.repo.js';
import type { Availability } from './schemas.js';
import { bookingMarginMs, slotScenario } from './slot-scenario.js';
import { computeSlots } from './slots/index.js';

const MINUTE = 60_000;
/** Slots are asked for at most this many days at a time, so one request cannot ask for unbounded work. */
const MAX_RANGE_DAYS = 35;

/** The range of a slots request as instants, refused with 422 when it is empty or longer than allowed. */
export function slotRange(q: { from: string; to: string }) {
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to <= from) throw invalid({ to: 'Must be after from.' });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 1440 * MINUTE)
    throw invalid({ to: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
  return { from, to };
}

export type Host = { id: string; name: string; username: string; timeZone: string; orgId: string };

export type SlotRequest = {
  host: Host;
  type: MeetingTypeRow;
  from: Date;
  to: Date;
  now: Date;
  /** The booking being rescheduled: it must not block its own new time. */
  excludeBookingId?: string;
  /** Answer "could this ever be a slot" by leaving out existing bookings (busy time and daily counts). */
  ignoreBookings?: boolean;
};

/** A live booking of the host as the slot engine weighs it: its time with its own type's buffers. */
export type LiveBooking = Awaited<ReturnType<typeof bookingsRepo.liveNear>>[number];

/** Where the host's bookings can shape a request's slots: the range, widened by buffers and a local day. */
export function bookingsRange(r: Pick<SlotRequest, 'type' | 'from' | 'to'>) {
  const widen = bookingMarginMs(r.type);
  return { from: new Date(r.from.getTime() - widen), to: new Date(r.to.getTime() + widen) };
}

/** A slot with its type's buffers, the time other bookings (with theirs) must not overlap. */
export function slotWithBuffers(type: MeetingTypeRow, start: Date) {
  return {
    from: new Date(start.getTime() - type.bufferBeforeMinutes * MINUTE),
    to: new Date(start.getTime() + (type.durationMinutes + type.bufferAfterMinutes) * MINUTE),
  };
}

/** The pure engine's slots for a request, given the hours its type follows and the host's bookings in range. */
export function slotsAmong(r: SlotRequest, hours: Availability, rows: LiveBooking[]) {
  const live = rows.map((b) => ({
    startMs: b.startAt.getTime(),
    endMs: b.endAt.getTime(),
    bufferBeforeMinutes: b.bufferBeforeMinutes,
    bufferAfterMinutes: b.bufferAfterMinutes,
    sameType: b.meetingTypeId === r.type.id,
  }));
  return computeSlots(
    slotScenario({ hostId: r.host.id, type: r.type, hours, live, from: r.from, to: r.to, now: r.now }),
  );
}

/** Reads the type's schedule and the host's bookings and asks the pure engine which slots are offered. */
export async function offeredSlots(tx: Tx, r: SlotRequest) {
  const availability = await hoursOf(tx, r.host.id, r.type.scheduleId, r.host.timeZone);
  const range = bookingsRange(r);
  const live = r.ignoreBookings
    ? []
    : await bookingsRepo.liveNear(tx, r.host.id, range.from, range.to, r.excludeBookingId);
  return slotsAmong(r, availability, live);
}

export type SlotVerdict = 'offered' | 'taken' | 'not_offered';

/** Whether one start can be booked now: taken (by bookings or the daily limit) differs from never offered. */
export async function judgeStart(tx: Tx, r: Omit<SlotRequest, 'from' | 'to'> & { start: Date }): Promise<SlotVerdict> {
  const window = { ...r, from: r.start, to: new Date(r.start.getTime() + 1) };
  if ((await offeredSlots(tx, window)).length === 1) return 'offered';
  return (await offeredSlots(tx, { ...window, ignoreBookings: true })).length === 1 ? 'taken' : 'not_offered';
}
