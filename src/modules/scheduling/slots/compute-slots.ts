import { availabilityWindows } from './availability-windows.js';
import { BusySweep } from './busy-sweep.js';
import { DAY_MS, MINUTE_MS } from './civil-calendar.js';
import { DailyLimit } from './daily-limit.js';
import { formatInstant, parseInstant } from './instants.js';
import { intersect, type IntervalList } from './intervals.js';
import type { SlotScenario } from './scenario-schema.js';
import { gridStarts, uniqueAscending, type GridBounds } from './slot-grid.js';
import { zoneClock } from './zone-offsets.js';

/**
 * The slot engine: which meeting starts are offered. Pure and deterministic — no I/O, no clock (`now` is an
 * input) — and it expects a scenario that satisfies scenarioSchema.
 *
 * 1. Availability is read in each host's own zone. A weekly interval belongs to the local date it starts on;
 *    end "24:00" is the midnight that ends that day; an end at or before the start (22:00–02:00, and
 *    09:00–09:00 = 24 h) falls on the next local day. Overlapping or touching intervals of one local date
 *    merge into one window; windows of different dates stay apart, even where they overlap or touch (a
 *    slot cannot straddle two dates' windows, and each date's windows anchor their own grid).
 * 2. A date override replaces every weekly interval that starts on its local date (several overrides of one
 *    date add up); an override with no intervals is a day off. Override intervals follow rule 1.
 * 3. A local wall time becomes the earliest instant at which the host's clock reads that time or later: in a
 *    spring-forward gap that is the first instant after the gap (02:30 → 03:00 new time); in a fall-back
 *    overlap, the earlier offset (its first occurrence). Any offset works (+05:30, +05:45, Lord Howe's
 *    30-minute DST).
 * 4. Candidate starts are windowStart + k × slotInterval (default: the duration) in each window — for
 *    `collective` each overlap of one window of every host, for `any` each host's own windows — and the
 *    whole slot must lie inside that window. Busy time does not shift the grid.
 * 5. A candidate is offered iff from ≤ start < to; [start − bufferBefore, end + bufferAfter) overlaps none of
 *    the host's busy intervals (all half-open: touching is fine); start ≥ now + minimumNotice;
 *    start < now + bookingWindowDays × 24 h if given (rolling, in exact days); and, if maxBookingsPerDay is
 *    given, the host has fewer bookedStarts than that on the slot's local date in the host's zone.
 *    Collective: every host passes, each with its own busy time and daily count. Any: at least one host
 *    passes; identical slots are reported once.
 * 6. Slots are UTC ISO strings with milliseconds, ascending and unique; a viewer's zone plays no part.
 */

export interface Slot {
  start: string;
  end: string;
}

interface HostGate {
  windows: IntervalList;
  busy: BusySweep;
  limit: DailyLimit | null;
}

export function computeSlots(s: SlotScenario): Slot[] {
  const now = parseInstant(s.now);
  const duration = s.durationMinutes * MINUTE_MS;
  const before = (s.bufferBeforeMinutes ?? 0) * MINUTE_MS;
  const after = (s.bufferAfterMinutes ?? 0) * MINUTE_MS;
  const earliest = Math.max(parseInstant(s.from), now + (s.minimumNoticeMinutes ?? 0) * MINUTE_MS);
  const to = parseInstant(s.to);
  const latest = s.bookingWindowDays == null ? to : Math.min(to, now + s.bookingWindowDays * DAY_MS);
  if (earliest >= latest || s.hosts.length === 0) return [];
  const bounds: GridBounds = {
    earliest,
    latest,
    duration,
    interval: (s.slotIntervalMinutes ?? s.durationMinutes) * MINUTE_MS,
  };

  const hosts: HostGate[] = s.hosts.map((host) => {
    const clock = zoneClock(host.timeZone);
    return {
      windows: availabilityWindows(host, clock, earliest, latest),
      busy: new BusySweep(host.busy ?? [], earliest - before, latest + duration + after),
      limit:
        s.maxBookingsPerDay == null
          ? null
          : new DailyLimit(host.bookedStarts ?? [], s.maxBookingsPerDay, clock, earliest, latest),
    };
  });
  const accepts = (host: HostGate, start: number) =>
    host.busy.isFree(start - before, start + duration + after) && (host.limit === null || host.limit.allows(start));

  let starts: number[];
  if (s.mode === 'collective') {
    const shared = hosts.map((h) => h.windows).reduce(intersect);
    starts = gridStarts(shared, bounds).filter((start) => hosts.every((h) => accepts(h, start)));
  } else {
    starts = hosts.flatMap((h) => gridStarts(h.windows, bounds).filter((start) => accepts(h, start)));
    if (hosts.length > 1) starts = uniqueAscending(starts);
  }
  return starts.map((start) => ({ start: formatInstant(start), end: formatInstant(start + duration) }));
}
