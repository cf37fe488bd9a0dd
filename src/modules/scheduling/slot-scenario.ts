import type { MeetingTypeRow } from './meeting-types.repo.js';
import type { Availability } from './schemas.js';
import type { SlotScenario } from './slots/index.js';

const MINUTE = 60_000;
/** Bookings this far outside the range can still matter: their buffers, or the local day of a daily limit. */
export const LOOKAROUND_MS = 36 * 60 * MINUTE;

/** What of a meeting type shapes its slots. */
export type SlotRules = Pick<
  MeetingTypeRow,
  | 'id'
  | 'durationMinutes'
  | 'slotIntervalMinutes'
  | 'minimumNoticeMinutes'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'bookingWindowDays'
  | 'maxBookingsPerDay'
>;

/** A live booking of the host near the range, with its own type's buffers. */
export type LiveBooking = {
  startMs: number;
  endMs: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Of the type asked about: it counts toward that type's daily limit. */
  sameType: boolean;
};

export type ScenarioInputs = {
  hostId: string;
  type: SlotRules;
  hours: Availability;
  live: LiveBooking[];
  from: Date;
  to: Date;
  now: Date;
};

/** How far around [from, to) a type's slots depend on bookings: the look-around plus its buffers. */
export const bookingMarginMs = (type: SlotRules) =>
  LOOKAROUND_MS + (type.bufferBeforeMinutes + type.bufferAfterMinutes) * MINUTE;

/** The engine's question for one meeting type of one host, from the rows the database gave. */
export function slotScenario(r: ScenarioInputs): SlotScenario {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    now: r.now.toISOString(),
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    mode: 'collective',
    durationMinutes: r.type.durationMinutes,
    slotIntervalMinutes: r.type.slotIntervalMinutes ?? r.type.durationMinutes,
    minimumNoticeMinutes: r.type.minimumNoticeMinutes,
    bufferBeforeMinutes: r.type.bufferBeforeMinutes,
    bufferAfterMinutes: r.type.bufferAfterMinutes,
    bookingWindowDays: r.type.bookingWindowDays,
    ...(r.type.maxBookingsPerDay ? { maxBookingsPerDay: r.type.maxBookingsPerDay } : {}),
    hosts: [
      {
        id: r.hostId,
        timeZone: r.hours.timeZone,
        weekly: r.hours.weekly,
        overrides: r.hours.overrides,
        busy: r.live.map((b) => ({
          start: iso(b.startMs - b.bufferBeforeMinutes * MINUTE),
          end: iso(b.endMs + b.bufferAfterMinutes * MINUTE),
        })),
        bookedStarts: r.live.filter((b) => b.sameType).map((b) => iso(b.startMs)),
      },
    ],
  };
}
