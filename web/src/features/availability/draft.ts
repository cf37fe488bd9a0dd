import {
  ENDS_BEFORE_START_MESSAGE,
  hoursRules,
  type HoursRule,
} from '../../../../src/modules/scheduling/availability.rules';
import type { FieldErrors } from '../../lib/api';
import { issuesOf } from '../../lib/serverRules';
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

export const ENDS_BEFORE_START = ENDS_BEFORE_START_MESSAGE;

/** Whether an interval runs past midnight (its end is at or before its start). */
export function crossesMidnight(i: TimeInterval): boolean {
  return i.end !== '00:00' && minutesOfTime(i.end) <= minutesOfTime(i.start);
}

/** The server's rules, worded for this editor; the first listed wins when a day has several problems. */
const SENTENCES: [HoursRule, string][] = [
  ['same_start_end', 'An interval needs different start and end times.'],
  ['ends_before_start', ENDS_BEFORE_START],
  ['overlap', 'These hours overlap.'],
  ['repeated_date', 'This date is already listed.'],
];
type Issue = ReturnType<typeof issuesOf>[number];
const ruleOf = (issue: Issue): unknown => (issue.code === 'custom' ? issue.params?.rule : undefined);
const rank = (issue: Issue) => {
  const k = SENTENCES.findIndex(([rule]) => rule === ruleOf(issue));
  return k === -1 ? SENTENCES.length : k;
};
const sentenceOf = (issue: Issue) => SENTENCES.find(([rule]) => rule === ruleOf(issue))?.[1] ?? issue.message;

/** A time input left empty; the draft's own problem, found before the server's rules see the interval. */
const hasBlankTime = (intervals: IntervalDraft[]) =>
  intervals.some((i) => !/^\d{2}:\d{2}$/.test(i.start) || !/^\d{2}:\d{2}$/.test(i.end));
const BLANK_TIME = 'Fill in every start and end time.';

/** Each field's first problem, the most telling first; `key` names the field an issue belongs to. */
function collect(errors: FieldErrors, issues: Issue[], key: (issue: Issue) => string, sentence = sentenceOf) {
  for (const issue of [...issues].sort((a, b) => rank(a) - rank(b))) errors[key(issue)] ??= sentence(issue);
}

/** The field of an override's issue: its date, or its hours. */
function overrideField(issue: Issue) {
  const [, k, field] = issue.path;
  if (k === undefined) return 'overrides';
  return `overrides.${String(k)}.${field === 'date' ? 'date' : 'intervals'}`;
}
/** However the server's date rule fails (empty, not a date), the editor asks for one; a repeated date says so. */
const overrideSentence = (issue: Issue) =>
  issue.path[2] === 'date' && ruleOf(issue) !== 'repeated_date' ? 'Choose a date.' : sentenceOf(issue);

/**
 * The server's rules (availability.rules.ts) run on what a save would send. Keys: `week.{0-6}`,
 * `overrides.{i}.date`, `overrides.{i}.intervals`. Each day is checked on its own, so an overlap names its day.
 */
export function validateDraft(d: AvailabilityDraft): FieldErrors {
  const errors: FieldErrors = {};
  const sent = availabilityOf(d);
  d.week.forEach((day, i) => {
    if (!day.enabled) return;
    if (hasBlankTime(day.intervals)) {
      errors[`week.${i}`] = BLANK_TIME;
      return;
    }
    const weekly = sent.weekly.filter((w) => w.weekday === i + 1);
    collect(errors, issuesOf(hoursRules, { weekly, overrides: [] }), () => `week.${i}`);
  });
  d.overrides.forEach((o, i) => {
    if (!o.dayOff && hasBlankTime(o.intervals)) errors[`overrides.${i}.intervals`] = BLANK_TIME;
  });
  collect(errors, issuesOf(hoursRules, { weekly: [], overrides: sent.overrides }), overrideField, overrideSentence);
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
