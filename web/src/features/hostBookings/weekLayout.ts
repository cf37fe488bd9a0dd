import { addDays, dateKey, zonedDateKey, zonedParts, type CivilDate } from '../../lib/zonedTime';
import type { Booking } from '../booking/api';

const DAY_MINUTES = 24 * 60;

/** A booking on its day of the week view: its minutes on the wall clock of the zone, and its lane. */
export interface PlacedBooking {
  booking: Booking;
  startMinute: number;
  /** Clipped to the end of its day: a meeting past midnight shows on the day it starts. */
  endMinute: number;
  /** Overlapping bookings sit side by side: this one's lane, of `lanes`. */
  lane: number;
  lanes: number;
}

export interface WeekDay {
  date: CivilDate;
  key: string;
  bookings: PlacedBooking[];
}

const minuteOfDay = (instant: number, zone: string) => {
  const { hour, minute } = zonedParts(instant, zone);
  return hour * 60 + minute;
};

/** Gives each booking of a day the first lane free at its start; a run of overlaps shares its lane count. */
function assignLanes(placed: PlacedBooking[]) {
  let group: PlacedBooking[] = [];
  let groupEnd = -1;
  const closeGroup = () => {
    const lanes = Math.max(1, ...group.map((p) => p.lane + 1));
    for (const p of group) p.lanes = lanes;
  };
  for (const p of placed) {
    if (p.startMinute >= groupEnd) {
      closeGroup();
      group = [];
    }
    const taken = new Set(group.filter((q) => q.endMinute > p.startMinute).map((q) => q.lane));
    let lane = 0;
    while (taken.has(lane)) lane++;
    p.lane = lane;
    group.push(p);
    groupEnd = Math.max(groupEnd, p.endMinute);
  }
  closeGroup();
}

/** The seven days from `weekStart` with their bookings, as the wall clock of `zone` places them. */
export function layoutWeek(bookings: readonly Booking[], weekStart: CivilDate, zone: string): WeekDay[] {
  const days = Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStart, i);
    return { date, key: dateKey(date), bookings: [] as PlacedBooking[] };
  });
  const byKey = new Map(days.map((d) => [d.key, d]));
  for (const booking of bookings) {
    const start = Date.parse(booking.start);
    const end = Date.parse(booking.end);
    const day = byKey.get(zonedDateKey(start, zone));
    if (!day) continue;
    const startMinute = minuteOfDay(start, zone);
    const endMinute = zonedDateKey(end, zone) === day.key ? minuteOfDay(end, zone) : DAY_MINUTES;
    day.bookings.push({ booking, startMinute, endMinute: Math.max(endMinute, startMinute + 1), lane: 0, lanes: 1 });
  }
  for (const day of days) {
    day.bookings.sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
    assignLanes(day.bookings);
  }
  return days;
}

/** The hours the grid shows: a working day at least, widened to every booking of the week. */
export function shownHours(days: readonly WeekDay[]): { first: number; last: number } {
  const placed = days.flatMap((d) => d.bookings);
  const first = Math.min(8, ...placed.map((p) => Math.floor(p.startMinute / 60)));
  const last = Math.max(18, ...placed.map((p) => Math.ceil(p.endMinute / 60)));
  return { first, last };
}
