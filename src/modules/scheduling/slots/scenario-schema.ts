import { z } from 'zod';
import { DAY_MS } from './civil-calendar.js';
import { parseInstant } from './instants.js';
import { isKnownTimeZone } from './zone-offsets.js';

/**
 * The slot scenario of API.md ("Slot engine harness") plus the optional extensions the product needs.
 * Optional fields stay optional in the inferred type (computeSlots applies the defaults), so callers can
 * build a scenario directly as well as parse one; `null` means "absent" where a database column is nullable.
 */

const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 instant such as 2026-03-09T14:00:00Z.' });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use HH:mm between 00:00 and 23:59.' });
const clockEnd = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'Use HH:mm between 00:00 and 24:00.' });
const localInterval = z.object({ start: clockTime, end: clockEnd });

const hostSchema = z.object({
  id: z.string().min(1),
  timeZone: z.string().refine(isKnownTimeZone, { message: 'Use an IANA time zone such as Europe/Paris.' }),
  weekly: z.array(localInterval.extend({ weekday: z.number().int().min(1).max(7) })).optional(),
  overrides: z.array(z.object({ date: z.iso.date(), intervals: z.array(localInterval) })).optional(),
  busy: z.array(z.object({ start: instant, end: instant })).optional(),
  bookedStarts: z.array(instant).optional(),
});

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

/** Ranges are bounded so one public request cannot ask for unbounded work. */
const MAX_RANGE_DAYS = 366;
const EARLIEST_FROM_MS = 0;
const LATEST_TO_MS = Date.UTC(9999, 0, 1);

export const scenarioSchema = z
  .object({
    now: instant,
    from: instant,
    to: instant,
    mode: z.enum(['collective', 'any']),
    durationMinutes: whole(5, 720),
    slotIntervalMinutes: whole(1, 720).nullish(),
    minimumNoticeMinutes: whole(0, 10 * 366 * 24 * 60).optional(),
    bufferBeforeMinutes: whole(0, 720).optional(),
    bufferAfterMinutes: whole(0, 720).optional(),
    bookingWindowDays: whole(1, 10 * 366).nullish(),
    maxBookingsPerDay: whole(1, 10_000).nullish(),
    hosts: z.array(hostSchema).min(1).max(100),
  })
  .superRefine((s, ctx) => {
    const from = parseInstant(s.from);
    const to = parseInstant(s.to);
    if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`.' });
    else if (to - from > MAX_RANGE_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The range may span at most ${MAX_RANGE_DAYS} days.` });
    if (from < EARLIEST_FROM_MS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must be 1970 or later.' });
    if (to > LATEST_TO_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must be before 9999.' });
  });

export type SlotScenario = z.infer<typeof scenarioSchema>;
