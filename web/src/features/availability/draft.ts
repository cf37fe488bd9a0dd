import type { FieldErrors } from '../../lib/api';
import {
  addDays,
  civilDateOf,
  compareDates,
  dateKey,
  minutesOfTime,
  parseDateKey,
  type CivilDate,
} from '../../lib/zonedTime';
import type { Availability, TimeInterval } from './api';

export interface IntervalDraft extends TimeInterval {
  key: number;
  endsNextDay: boolean;
}

export interface DayDraft {
  enabled: boolean;
  intervals: IntervalDraft[];
}

export interface OverrideDraft {
  key: number;
  date: string;
  dayOff: boolean;
  intervals: IntervalDraft[];
}

export interface AvailabilityDraft {
  timeZone: string;
  /** Index 0 = Monday … 6 = Sunday. */
  week: DayDraft[];
  overrides: OverrideDraft[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

export const defaultInterval = (): IntervalDraft => ({
  key: newKey(),
  start: '09:00',
  end: '17:00',
  endsNextDay: false,
});

/** A time input cannot show 24:00; midnight at the end of a day reads 00:00 and is sent back as 24:00. */
const toInput = (i: TimeInterval): IntervalDraft => ({
  key: newKey(),
  start: i.start,
  end: i.end === '24:00' ? '00:00' : i.end,
  endsNextDay: i.endsNextDay === true,
});
const fromInput = (i: IntervalDraft): TimeInterval => ({
  start: i.start,
  end: i.end === '00:00' ? '24:00' : i.end,
  // The answer to "ends the next day?" only means something while the end is at or before the start.
  ...(i.endsNextDay && crossesMidnight(i) ? { endsNextDay: true } : {}),
});

export function draftOf(a: Availability): AvailabilityDraft {
  const week = Array.from({ length: 7 }, (_, i) => {
    const intervals = a.weekly.filter((w) => w.weekday === i + 1).map(toInput);
    return { enabled: intervals.length > 0, intervals: intervals.length ? intervals : [defaultInterval()] };
  });
  const overrides = a.overrides.map((o) => ({
    key: newKey(),
    date: o.date,
    dayOff: o.intervals.length === 0,
    intervals: o.intervals.length ? o.intervals.map(toInput) : [defaultInterval()],
  }));
  return { timeZone: a.timeZone, week, overrides };
}

export function availabilityOf(d: AvailabilityDraft): Availability {
  return {
    timeZone: d.timeZone,
    weekly: d.week.flatMap((day, i) =>
      day.enabled ? day.intervals.map((interval) => ({ weekday: i + 1, ...fromInput(interval) })) : [],
    ),
    overrides: d.overrides.map((o) => ({ date: o.date, intervals: o.dayOff ? [] : o.intervals.map(fromInput) })),
  };
}

export const ENDS_BEFORE_START =
  'This interval ends before it starts. If it runs past midnight, mark it as ending the next day.';

/** Whether an interval runs past midnight (its end is at or before its start). */
export function crossesMidnight(i: TimeInterval): boolean {
  return i.end !== '00:00' && minutesOfTime(i.end) <= minutesOfTime(i.start);
}

function problemsOf(intervals: IntervalDraft[]): string | undefined {
  if (intervals.some((i) => !/^\d{2}:\d{2}$/.test(i.start) || !/^\d{2}:\d{2}$/.test(i.end))) {
    return 'Fill in every start and end time.';
  }
  const sent = intervals.map(fromInput);
  if (sent.some((i) => i.start === i.end)) return 'An interval needs different start and end times.';
  if (intervals.some((i) => crossesMidnight(i) && !i.endsNextDay)) return ENDS_BEFORE_START;
  const spans = sent
    .map((i) => {
      const start = minutesOfTime(i.start);
      const end = minutesOfTime(i.end);
      return [start, end <= start ? end + 1440 : end] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  if (spans.some((s, k) => k > 0 && s[0] < spans[k - 1]![1])) return 'These hours overlap.';
  return undefined;
}

/** Mirrors the server's rules. Keys: `week.{0-6}`, `overrides.{i}.date`, `overrides.{i}.intervals`. */
export function validateDraft(d: AvailabilityDraft): FieldErrors {
  const errors: FieldErrors = {};
  d.week.forEach((day, i) => {
    const problem = day.enabled ? problemsOf(day.intervals) : undefined;
    if (problem) errors[`week.${i}`] = problem;
  });
  const seen = new Set<string>();
  d.overrides.forEach((o, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) errors[`overrides.${i}.date`] = 'Choose a date.';
    else if (seen.has(o.date)) errors[`overrides.${i}.date`] = 'This date is already listed.';
    seen.add(o.date);
    const problem = o.dayOff ? undefined : problemsOf(o.intervals);
    if (problem) errors[`overrides.${i}.intervals`] = problem;
  });
  return errors;
}

/** What a save would send, for telling whether the draft differs from what is saved. */
export function snapshotOf(d: AvailabilityDraft): string {
  return JSON.stringify(availabilityOf(d));
}

/**
 * The date a new override starts on: the day after the latest one listed (or tomorrow without any), never in
 * the past and never a date that is already listed.
 */
export function nextOverrideDate(d: AvailabilityDraft, now: number): string {
  const tomorrow = addDays(civilDateOf(now, d.timeZone), 1);
  const listed = d.overrides.flatMap((o) => parseDateKey(o.date) ?? []);
  const latest = listed.reduce<CivilDate | undefined>((a, b) => (a && compareDates(a, b) >= 0 ? a : b), undefined);
  const taken = new Set(d.overrides.map((o) => o.date));
  let date = latest && compareDates(latest, tomorrow) >= 0 ? addDays(latest, 1) : tomorrow;
  while (taken.has(dateKey(date))) date = addDays(date, 1);
  return dateKey(date);
}
