import { formatTime, minutesOfTime, weekdayNames } from '../../lib/zonedTime';
import type { WeeklyInterval } from './api';

const shortDays = weekdayNames(1, 'short');

/**
 * A wall time in the reader's clock: "9:00 AM" or "09:00". The midnight that ends a day reads as "24:00" or
 * "midnight": formatted as a time of day it would read 00:00 or 12:00 AM, as if the interval ended as it began.
 */
const wallTime = (hhmm: string, hour12: boolean) =>
  hhmm === '24:00' && hour12
    ? 'midnight'
    : hhmm === '24:00'
      ? hhmm
      : formatTime(minutesOfTime(hhmm) * 60_000, 'UTC', hour12);

const intervalText = (i: WeeklyInterval, hour12: boolean) =>
  i.start === '00:00' && i.end === '24:00' ? 'all day' : `${wallTime(i.start, hour12)}–${wallTime(i.end, hour12)}`;

const hoursText = (intervals: WeeklyInterval[], hour12: boolean) =>
  intervals.map((i) => intervalText(i, hour12)).join(', ');

/** Runs of consecutive ISO weekdays: [1,2,3,5] → "Mon–Wed, Fri". */
function daysText(days: number[]): string {
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs
    .map(([from, to]) => {
      const first = shortDays[from - 1]!;
      if (from === to) return first;
      return `${first}${to === from + 1 ? ', ' : '–'}${shortDays[to - 1]!}`;
    })
    .join(', ');
}

/**
 * A schedule's weekly hours in one line: weekdays with the same hours together, in week order, e.g.
 * "Mon–Fri 09:00–17:00 · Sat 10:00–14:00", in the reader's 12- or 24-hour clock.
 */
export function weeklySummary(weekly: WeeklyInterval[], hour12: boolean): string {
  const byHours = new Map<string, { days: number[]; intervals: WeeklyInterval[] }>();
  for (let day = 1; day <= 7; day++) {
    const intervals = weekly.filter((w) => w.weekday === day).sort((a, b) => a.start.localeCompare(b.start));
    if (intervals.length === 0) continue;
    const key = hoursText(intervals, hour12);
    const group = byHours.get(key);
    if (group) group.days.push(day);
    else byHours.set(key, { days: [day], intervals });
  }
  if (byHours.size === 0) return 'No weekly hours';
  return [...byHours.entries()].map(([hours, { days }]) => `${daysText(days)} ${hours}`).join(' · ');
}
