import fc from 'fast-check';
import { expect, it } from 'vitest';
import { answerLastValidAt } from './answer-lifetime.js';
import { computeSlots, type SlotScenario } from './index.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const BASE = Date.parse('2026-03-02T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Weekly hours, busy time, daily limits, notice, window and range around BASE, in zones with and without DST. */
const scenarios = fc
  .record({
    zone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    open: fc.integer({ min: 0, max: 20 }).map((h) => h * 60),
    hours: fc.integer({ min: 1, max: 10 }),
    duration: fc.constantFrom(15, 30, 45, 60),
    notice: fc.integer({ min: 0, max: 3 * 1440 }),
    window: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    perDay: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    nowOffset: fc.integer({ min: 0, max: 5 * 1440 }),
    fromOffset: fc.integer({ min: -2 * 1440, max: 5 * 1440 }),
    rangeDays: fc.integer({ min: 1, max: 20 }),
    busy: fc.array(fc.record({ at: fc.integer({ min: 0, max: 25 * 96 }), quarters: fc.integer({ min: 1, max: 8 }) }), {
      maxLength: 6,
    }),
  })
  .map((r): SlotScenario => {
    const from = BASE + r.fromOffset * MINUTE;
    return {
      now: iso(BASE + r.nowOffset * MINUTE),
      from: iso(from),
      to: iso(from + r.rangeDays * DAY),
      mode: 'collective',
      durationMinutes: r.duration,
      minimumNoticeMinutes: r.notice,
      bookingWindowDays: r.window,
      maxBookingsPerDay: r.perDay,
      hosts: [
        {
          id: 'h',
          timeZone: r.zone,
          weekly: r.days.map((weekday) => ({
            weekday,
            start: hhmm(r.open),
            end: hhmm(Math.min(r.open + r.hours * 60, 1440)),
          })),
          bookedStarts: r.busy.map((b) => iso(BASE + b.at * 15 * MINUTE)),
          busy: r.busy.map((b) => ({
            start: iso(BASE + b.at * 15 * MINUTE),
            end: iso(BASE + (b.at + b.quarters) * 15 * MINUTE),
          })),
        },
      ],
    };
  });

const at = (s: SlotScenario, now: number) => computeSlots({ ...s, now: iso(now) });

it('holds the answer until its last valid instant, and not a millisecond longer', () => {
  fc.assert(
    fc.property(scenarios, fc.double({ min: 0, max: 1, noNaN: true }), (s, fraction) => {
      const slots = computeSlots(s);
      const now = Date.parse(s.now);
      const last = answerLastValidAt(s, slots);
      if (last === undefined) {
        // Nothing the clock can change: a month later the answer is the same.
        expect(at(s, now + 30 * DAY)).toEqual(slots);
        return;
      }
      expect(last).toBeGreaterThanOrEqual(now);
      expect(at(s, last)).toEqual(slots);
      expect(at(s, Math.floor(now + (last - now) * fraction))).toEqual(slots);
      expect(at(s, last + 1)).not.toEqual(slots);
    }),
    { numRuns: 500 },
  );
});
