import type { Tx } from '../../db/tenant.js';
import { hoursOf } from './availability.service.js';
import { bookingsRepo } from './bookings.repo.js';
import type { MeetingTypeRow } from './meeting-types.repo.js';
import { bookingMarginMs, slotScenario } from './slot-scenario.js';
import { computeSlots } from './slots/index.js';

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

/** Reads the type's schedule and the host's bookings and asks the pure engine which slots are offered. */
export async function offeredSlots(tx: Tx, r: SlotRequest) {
  const hours = await hoursOf(tx, r.host.id, r.type.scheduleId, r.host.timeZone);
  const margin = bookingMarginMs(r.type);
  const rows = r.ignoreBookings
    ? []
    : await bookingsRepo.liveNear(
        tx,
        r.host.id,
        new Date(r.from.getTime() - margin),
        new Date(r.to.getTime() + margin),
        r.excludeBookingId,
      );
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

export type SlotVerdict = 'offered' | 'taken' | 'not_offered';

/** Whether one start can be booked now: taken (by bookings or the daily limit) differs from never offered. */
export async function judgeStart(tx: Tx, r: Omit<SlotRequest, 'from' | 'to'> & { start: Date }): Promise<SlotVerdict> {
  const window = { ...r, from: r.start, to: new Date(r.start.getTime() + 1) };
  if ((await offeredSlots(tx, window)).length === 1) return 'offered';
  return (await offeredSlots(tx, { ...window, ignoreBookings: true })).length === 1 ? 'taken' : 'not_offered';
}
