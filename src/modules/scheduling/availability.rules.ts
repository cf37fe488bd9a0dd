import { z } from 'zod';
import { dateOverrideShape, timeIntervalShape, weeklyIntervalShape } from '../../db/schema/stored-json.js';

/**
 * The rules a host's hours follow, shared with the browser: the availability editor runs them on each day of
 * its draft before saving. Imports only zod and the stored shapes; schemas.ts adds the time zone, whose check
 * needs the zone database. Issues carry `params.rule`, so a form can word a problem its own way.
 */

export type HoursRule = 'same_start_end' | 'ends_before_start' | 'overlap' | 'repeated_date';
const rule = (name: HoursRule) => ({ rule: name });

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'Use HH:mm, e.g. 09:00.' });
const localDate = z.iso.date({ message: 'Use YYYY-MM-DD.' });
const intervalFields = {
  start: localTime,
  end: localTime,
  /** Confirms that an end at or before the start is on the next day (22:00–02:00); answers carry it too. */
  endsNextDay: z.boolean().optional(),
};

export const ENDS_BEFORE_START_MESSAGE =
  'This interval ends before it starts. If it runs past midnight, mark it as ending the next day.';

function minutesOf(hhmm: string) {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether an interval's end is at or before its start, so that it runs past midnight (24:00 ends the same day). */
export function endsBeforeStart(i: { start: string; end: string }): boolean {
  return minutesOf(i.end) <= minutesOf(i.start);
}

/**
 * An interval that runs past midnight must say so: 09:00–08:00 is far more often a typo than a night shift,
 * and taking it silently would open the small hours of the next day.
 */
const validInterval = <T extends { start: string; end: string; endsNextDay?: boolean | undefined }>(
  schema: z.ZodType<T>,
) =>
  schema
    .refine((i) => i.start !== i.end, {
      message: 'Start and end must differ.',
      path: ['end'],
      params: rule('same_start_end'),
    })
    .refine((i) => i.start !== '24:00', { message: 'An interval starts at 23:59 at the latest.', path: ['start'] })
    .refine((i) => i.start === i.end || i.endsNextDay === true || !endsBeforeStart(i), {
      message: ENDS_BEFORE_START_MESSAGE,
      path: ['end'],
      params: rule('ends_before_start'),
    })
    .refine((i) => i.endsNextDay !== true || endsBeforeStart(i), {
      message: 'This interval ends on the day it starts, so it cannot end the next day.',
      path: ['endsNextDay'],
    });
const interval = validInterval(timeIntervalShape.extend(intervalFields));
const weeklyInterval = validInterval(
  weeklyIntervalShape.extend({ weekday: z.number().int().min(1).max(7), ...intervalFields }),
);

/** Intervals of one day, as minutes; an end at or before the start runs past midnight. */
function overlapsWithin(intervals: { start: string; end: string }[]): boolean {
  const spans = intervals
    .map((i) => {
      const start = minutesOf(i.start);
      const end = minutesOf(i.end);
      return [start, end <= start ? end + 1440 : end] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  return spans.some((s, k) => k > 0 && s[0] < spans[k - 1]![1]);
}

export const hoursFields = {
  weekly: z.array(weeklyInterval).max(70),
  overrides: z.array(dateOverrideShape.extend({ date: localDate, intervals: z.array(interval).max(10) })).max(366),
};
type Hours = z.output<z.ZodObject<typeof hoursFields>>;

/** What the fields cannot see one by one: overlapping intervals of a day, and a date overridden twice. */
export function checkHours(a: Hours, ctx: z.RefinementCtx) {
  for (let day = 1; day <= 7; day++) {
    if (overlapsWithin(a.weekly.filter((w) => w.weekday === day))) {
      ctx.addIssue({
        code: 'custom',
        path: ['weekly'],
        message: `Intervals on weekday ${day} overlap.`,
        params: rule('overlap'),
      });
    }
  }
  const dates = new Set<string>();
  a.overrides.forEach((o, k) => {
    if (dates.has(o.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['overrides', k, 'date'],
        message: 'This date appears twice.',
        params: rule('repeated_date'),
      });
    }
    dates.add(o.date);
    if (overlapsWithin(o.intervals)) {
      ctx.addIssue({
        code: 'custom',
        path: ['overrides', k, 'intervals'],
        message: 'Intervals overlap.',
        params: rule('overlap'),
      });
    }
  });
}

/** A schedule's name, unique among the host's schedules whatever its case ("Evenings", "evenings"). */
export const scheduleNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Give the schedule a name.' })
  .max(60, { message: 'Use at most 60 characters.' });

/** Weekly hours and date overrides without their time zone. */
export const hoursRules = z.object(hoursFields).superRefine(checkHours);
