import { DAY_MS, MINUTE_MS, isoWeekdayOf, parseClockTime, parseLocalDate } from './civil-calendar.js';
import { appendMerged, type IntervalList } from './intervals.js';
import type { ZoneClock } from './zone-offsets.js';

export interface LocalInterval {
  start: string;
  end: string;
}

export interface HostAvailability {
  weekly?: readonly (LocalInterval & { weekday: number })[] | undefined;
  overrides?: readonly { date: string; intervals: readonly LocalInterval[] }[] | undefined;
}

/** Minutes after the local midnight of the interval's own day; an end at or before the start is next day's. */
type DayPlan = number[];

function planOf(intervals: readonly LocalInterval[]): DayPlan {
  const pairs = intervals.map(({ start, end }) => {
    const from = parseClockTime(start);
    const to = parseClockTime(end);
    return [from, to <= from ? to + 24 * 60 : to] as const;
  });
  pairs.sort((x, y) => x[0] - y[0]);
  return pairs.flat();
}

/**
 * A host's availability as UTC windows covering [fromMs, toMs), sorted by start: one list per local day —
 * the day's intervals converted with the zone's wall-clock rule, overlapping or touching ones merged — for
 * every day whose intervals can reach the range. Windows of different days are never merged: each day's
 * windows then anchor their own grid, which therefore cannot depend on how far back the range starts.
 */
export function availabilityWindows(
  host: HostAvailability,
  clock: ZoneClock,
  fromMs: number,
  toMs: number,
): IntervalList {
  const weekly: DayPlan[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    weekly[weekday] = planOf((host.weekly ?? []).filter((w) => w.weekday === weekday));
  }
  const overrides = new Map<number, LocalInterval[]>();
  for (const { date, intervals } of host.overrides ?? []) {
    const day = parseLocalDate(date);
    overrides.set(day, [...(overrides.get(day) ?? []), ...intervals]);
  }
  const overridePlans = new Map([...overrides].map(([day, intervals]) => [day, planOf(intervals)]));

  const windows: IntervalList = [];
  // The day before `from`'s can spill into the range; the day after `to`'s can start before `to` when the
  // clock falls back over midnight (the reading at `to` is then the earlier date).
  const lastDay = clock.localDayOf(toMs) + 1;
  for (let day = clock.localDayOf(fromMs) - 1; day <= lastDay; day++) {
    const plan = overridePlans.get(day) ?? weekly[isoWeekdayOf(day)]!;
    const midnight = day * DAY_MS;
    const dayWindows: IntervalList = [];
    for (let i = 0; i < plan.length; i += 2) {
      const start = clock.wallToUtc(midnight + plan[i]! * MINUTE_MS);
      appendMerged(dayWindows, start, clock.wallToUtc(midnight + plan[i + 1]! * MINUTE_MS));
    }
    for (const instant of dayWindows) windows.push(instant);
  }
  return windows;
}
