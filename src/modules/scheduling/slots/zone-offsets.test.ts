import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, zoneClock } from './zone-offsets.js';

const MINUTE = 60_000;
const ZONES = [
  'UTC',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];
const wall = (text: string) => Date.parse(`${text}Z`);

describe('offsetAt', () => {
  it('agrees with Luxon at any minute from 2020 to 2030, transitions included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }),
        (zone, minute) => {
          const at = minute * MINUTE;
          expect(zoneClock(zone).offsetAt(at)).toBe(IANAZone.create(zone).offset(at) * MINUTE);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Luxon at every minute around each 2026 transition', () => {
    const HOUR = 60 * MINUTE;
    let transitions = 0;
    for (const zone of ZONES) {
      const luxon = IANAZone.create(zone);
      const clock = zoneClock(zone);
      const changes = (from: number, to: number, step: number) => {
        const found: number[] = [];
        for (let at = from; at < to; at += step) if (luxon.offset(at) !== luxon.offset(at + step)) found.push(at);
        return found;
      };
      for (const day of changes(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), 24 * HOUR)) {
        for (const hour of changes(day, day + 24 * HOUR, HOUR)) {
          transitions++;
          for (let at = hour - HOUR; at <= hour + 2 * HOUR; at += MINUTE) {
            expect(clock.offsetAt(at)).toBe(luxon.offset(at) * MINUTE);
          }
        }
      }
    }
    // Two a year in each zone with DST: New York, St John's, Santiago, London, Berlin, Lord Howe, Chatham.
    expect(transitions).toBe(14);
  });

  it('switches at the exact transition instant inside an hour (Lord Howe at 15:30Z)', () => {
    const clock = zoneClock('Australia/Lord_Howe');
    expect(clock.offsetAt(Date.parse('2026-10-03T15:29:59.999Z'))).toBe(630 * MINUTE);
    expect(clock.offsetAt(Date.parse('2026-10-03T15:30:00.000Z'))).toBe(660 * MINUTE);
  });
});

describe('wallToUtc: the earliest instant whose wall clock reads that time or later', () => {
  const cases: [zone: string, local: string, utc: string][] = [
    ['America/New_York', '2026-03-08T01:59', '2026-03-08T06:59:00.000Z'],
    ['America/New_York', '2026-03-08T02:00', '2026-03-08T07:00:00.000Z'], // gap start
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:00:00.000Z'], // in the gap
    ['America/New_York', '2026-03-08T03:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-11-01T00:59', '2026-11-01T04:59:00.000Z'],
    ['America/New_York', '2026-11-01T01:00', '2026-11-01T05:00:00.000Z'], // overlap: EDT
    ['America/New_York', '2026-11-01T01:59', '2026-11-01T05:59:00.000Z'],
    ['America/New_York', '2026-11-01T02:00', '2026-11-01T07:00:00.000Z'],
    ['Europe/London', '2026-03-29T01:30', '2026-03-29T01:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['Asia/Kolkata', '2026-06-01T00:00', '2026-05-31T18:30:00.000Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00', '2026-05-31T18:15:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04T02:10', '2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05T01:40', '2026-04-04T14:40:00.000Z'],
    ['Pacific/Chatham', '2026-09-27T03:00', '2026-09-26T14:00:00.000Z'], // 02:45 +12:45 → 03:45 +13:45
    // Chile springs forward at midnight: 2026-09-06 starts at 01:00 (-03).
    ['America/Santiago', '2026-09-06T00:00', '2026-09-06T04:00:00.000Z'],
    ['America/Santiago', '2026-09-06T00:30', '2026-09-06T04:00:00.000Z'],
    // …and falls back at midnight: 23:00–24:00 of 2026-04-04 happens twice (-03, then -04).
    ['America/Santiago', '2026-04-04T23:30', '2026-04-05T02:30:00.000Z'],
    ['America/Santiago', '2026-04-05T00:00', '2026-04-05T04:00:00.000Z'],
  ];
  it.each(cases)('%s %s → %s', (zone, local, utc) => {
    expect(new Date(zoneClock(zone).wallToUtc(wall(local))).toISOString()).toBe(utc);
  });

  it('reads back the same wall time, or the end of a gap', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2028, 0, 1) / MINUTE }),
        (zone, minute) => {
          const clock = zoneClock(zone);
          const target = minute * MINUTE;
          const utc = clock.wallToUtc(target);
          const reading = utc + clock.offsetAt(utc);
          if (reading !== target) {
            // Only in a gap: the instant before reads earlier, and the result is a transition.
            expect(reading).toBeGreaterThan(target);
            expect(utc - 1 + clock.offsetAt(utc - 1)).toBeLessThan(target);
          }
          // Nothing earlier reads the target or later (checked over the previous two hours).
          for (let earlier = utc - 120 * MINUTE; earlier < utc; earlier += MINUTE) {
            expect(earlier + clock.offsetAt(earlier)).toBeLessThan(target);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('knows IANA zones and rejects others', () => {
  expect(isKnownTimeZone('Australia/Lord_Howe')).toBe(true);
  expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  expect(isKnownTimeZone('')).toBe(false);
});
