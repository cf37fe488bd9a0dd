/* eslint-disable max-lines -- One property and the deliberately simple reference it is checked against; the reference means
   nothing apart from the property, so both stay in one file. */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { computeSlots, type SlotScenario } from './index.js';

/*
 * Random hosts, zones, hours, overrides, busy time and limits over a few weeks around DST changes, checked
 * against a deliberately simple reference: Luxon answers every zone question, wall times are resolved by
 * walking minute by minute, and every rule is a plain filter over every grid start of every window.
 */

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Every DST change here is at most one hour (Lord Howe: 30 minutes), which the reference's walk relies on. */
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
  'Australia/Sydney',
  'Pacific/Chatham',
];
/** 2026 DST changes of those zones (Santiago falls back at 24:00 on Saturday the 4th). */
const TRANSITIONS = [
  ['America/New_York', '2026-03-08'],
  ['America/New_York', '2026-11-01'],
  ['America/St_Johns', '2026-03-08'],
  ['America/St_Johns', '2026-11-01'],
  ['America/Santiago', '2026-09-06'],
  ['America/Santiago', '2026-04-04'],
  ['Europe/London', '2026-03-29'],
  ['Europe/London', '2026-10-25'],
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['Australia/Lord_Howe', '2026-10-04'],
  ['Australia/Lord_Howe', '2026-04-05'],
  ['Australia/Sydney', '2026-10-04'],
  ['Australia/Sydney', '2026-04-05'],
  ['Pacific/Chatham', '2026-09-27'],
  ['Pacific/Chatham', '2026-04-05'],
] as const;

type Host = SlotScenario['hosts'][number];
type LocalInterval = { start: string; end: string };

// ---------------------------------------------------------------- reference implementation

/** Runs revisit the same zones and weeks, so readings are remembered (a plain cache, not an algorithm). */
const readings = new Map<string, Map<number, number>>();

function wallReading(zone: string, utc: number): number {
  let zoneReadings = readings.get(zone);
  if (zoneReadings === undefined) readings.set(zone, (zoneReadings = new Map()));
  let reading = zoneReadings.get(utc);
  if (reading === undefined) {
    const local = DateTime.fromMillis(utc, { zone });
    reading = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    zoneReadings.set(utc, reading);
  }
  return reading;
}

/** Rule 3 by its definition: the first minute at which the zone's wall clock reads `wall` or later. */
function referenceWallToUtc(zone: string, wall: number): number {
  // Luxon's answer is off by at most the DST shift (it pushes gap times forward, and in an overlap it may
  // pick either offset), so the true answer is at most an hour earlier.
  const luxon = DateTime.fromMillis(wall, { zone: 'utc' }).setZone(zone, { keepLocalTime: true }).toMillis();
  let utc = luxon - 65 * MINUTE;
  // Shortcut: with one offset all along [utc, luxon] the clock runs straight, so the walk would end at luxon.
  if (wallReading(zone, luxon) === wall && wallReading(zone, utc) - utc === wall - luxon) return luxon;
  if (wallReading(zone, utc) >= wall) throw new Error('the walk must start before the answer');
  while (wallReading(zone, utc) < wall) utc += MINUTE;
  return utc;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function mergeAll(intervals: [number, number][]): [number, number][] {
  const sorted = intervals.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Each local date's intervals, merged within the date only (rule 1), from three dates before to after. */
function referenceWindows(host: Host, from: number, to: number): [number, number][] {
  const first = DateTime.fromMillis(from, { zone: host.timeZone });
  const last = DateTime.fromMillis(to, { zone: host.timeZone });
  const windows: [number, number][] = [];
  for (
    let day = DateTime.utc(first.year, first.month, first.day).minus({ days: 3 });
    day <= DateTime.utc(last.year, last.month, last.day).plus({ days: 3 });
    day = day.plus({ days: 1 })
  ) {
    const overrides = (host.overrides ?? []).filter((o) => o.date === day.toISODate());
    const intervals: LocalInterval[] =
      overrides.length > 0
        ? overrides.flatMap((o) => o.intervals)
        : (host.weekly ?? []).filter((w) => w.weekday === day.weekday);
    const dayWindows: [number, number][] = intervals.map(({ start, end }) => {
      const startMinutes = minutesOf(start);
      const endMinutes = minutesOf(end) <= startMinutes ? minutesOf(end) + 1440 : minutesOf(end);
      return [
        referenceWallToUtc(host.timeZone, day.toMillis() + startMinutes * MINUTE),
        referenceWallToUtc(host.timeZone, day.toMillis() + endMinutes * MINUTE),
      ];
    });
    windows.push(...mergeAll(dayWindows));
  }
  return windows;
}

/** Every non-empty overlap of a window of `a` with a window of `b`. */
function intersectNaively(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s1, e1] of a) for (const [s2, e2] of b) out.push([Math.max(s1, s2), Math.min(e1, e2)]);
  return out.filter(([s, e]) => s < e);
}

function rulesFor(s: SlotScenario) {
  const from = Date.parse(s.from);
  const to = Date.parse(s.to);
  const now = Date.parse(s.now);
  const duration = s.durationMinutes * MINUTE;
  const before = (s.bufferBeforeMinutes ?? 0) * MINUTE;
  const after = (s.bufferAfterMinutes ?? 0) * MINUTE;
  const localDate = (zone: string, utc: number) => DateTime.fromMillis(utc, { zone }).toISODate();
  const bookedDates = new Map(
    s.hosts.map((h) => [h, (h.bookedStarts ?? []).map((b) => localDate(h.timeZone, Date.parse(b)))]),
  );
  const windows = new Map(s.hosts.map((h) => [h, referenceWindows(h, from, to)]));
  return {
    from,
    to,
    duration,
    interval: (s.slotIntervalMinutes ?? s.durationMinutes) * MINUTE,
    windowsOf: (host: Host) => windows.get(host)!,
    /** Every rule of rule 5 that does not depend on the windows. */
    allows(start: number): boolean {
      return (
        start >= from &&
        start < to &&
        start >= now + (s.minimumNoticeMinutes ?? 0) * MINUTE &&
        (s.bookingWindowDays == null || start < now + s.bookingWindowDays * DAY)
      );
    },
    hostAllows(host: Host, start: number): boolean {
      const free = (host.busy ?? []).every(({ start: bs, end: be }) => {
        const [busyStart, busyEnd] = [Date.parse(bs), Date.parse(be)];
        return busyEnd <= busyStart || !(start - before < busyEnd && busyStart < start + duration + after);
      });
      if (!free || s.maxBookingsPerDay == null) return free;
      const date = localDate(host.timeZone, start);
      return bookedDates.get(host)!.filter((booked) => booked === date).length < s.maxBookingsPerDay;
    },
  };
}

function referenceSlots(s: SlotScenario, rules: ReturnType<typeof rulesFor>): number[] {
  const gridOf = (windows: [number, number][]) =>
    windows.flatMap(([ws, we]) => {
      const starts = [];
      for (let start = ws; start + rules.duration <= we; start += rules.interval) starts.push(start);
      return starts;
    });
  const offered =
    s.mode === 'collective'
      ? gridOf(s.hosts.map(rules.windowsOf).reduce(intersectNaively)).filter(
          (start) => rules.allows(start) && s.hosts.every((h) => rules.hostAllows(h, start)),
        )
      : s.hosts.flatMap((h) =>
          gridOf(rules.windowsOf(h)).filter((start) => rules.allows(start) && rules.hostAllows(h, start)),
        );
  return [...new Set(offered)].sort((a, b) => a - b);
}

// ---------------------------------------------------------------- random scenarios

// Scenarios crowd around one DST change: most hosts live in the changing zone, hours start and end near
// the change's wall times, overrides fall next to its date, and the range usually contains it.

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const startTime = fc.oneof(
  fc.integer({ min: 0, max: 16 }).map((quarter) => hhmm(quarter * 15)),
  fc.constantFrom('09:00', '22:00', '22:45', '23:00', '23:30', '23:45'),
  fc.integer({ min: 0, max: 1439 }).map(hhmm),
);
const endTime = fc.oneof(startTime, fc.constant('24:00'));
const interval = fc.record({ start: startTime, end: endTime });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const hostArb = (changingZone: string) =>
  fc.record({
    timeZone: fc.oneof(
      { arbitrary: fc.constant(changingZone), weight: 3 },
      { arbitrary: fc.constantFrom(...ZONES), weight: 1 },
    ),
    weekly: fc.array(
      fc.record({
        weekday: fc.oneof(fc.constantFrom(6, 7), fc.integer({ min: 1, max: 7 })),
        start: startTime,
        end: endTime,
      }),
      { maxLength: 8 },
    ),
    overrides: fc.array(
      fc.record({
        day: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -8, max: 16 })),
        intervals: fc.array(interval, { maxLength: 2 }),
      }),
      { maxLength: 3 },
    ),
    busy: fc.array(
      fc.record({ at: fc.integer({ min: -8 * 1440, max: 16 * 1440 }), minutes: fc.integer({ min: 0, max: 600 }) }),
      { maxLength: 12 },
    ),
    booked: fc.array(fc.integer({ min: -8 * 1440, max: 16 * 1440 }), { maxLength: 8 }),
  });

const scenarioArb = fc
  .constantFrom(...TRANSITIONS)
  .chain(([zone, date]) =>
    fc.record({
      date: fc.constant(date),
      startDaysBefore: fc.integer({ min: 0, max: 6 }),
      fromMinute: fc.integer({ min: 0, max: 1439 }),
      lengthDays: fc.integer({ min: 1, max: 14 }),
      nowMinutes: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
      mode: fc.constantFrom('collective' as const, 'any' as const),
      duration: fc.oneof(fc.constantFrom(15, 30, 45, 60), fc.integer({ min: 5, max: 240 })),
      interval: optional(fc.oneof(fc.constantFrom(5, 10, 15, 30, 60), fc.integer({ min: 5, max: 120 }))),
      notice: optional(fc.integer({ min: 0, max: 2880 })),
      before: optional(fc.integer({ min: 0, max: 60 })),
      after: optional(fc.integer({ min: 0, max: 60 })),
      windowDays: optional(fc.integer({ min: 1, max: 14 })),
      maxPerDay: optional(fc.integer({ min: 1, max: 3 })),
      hosts: fc.array(hostArb(zone), { minLength: 1, maxLength: 3 }),
    }),
  )
  .map((r): SlotScenario => {
    // Instants are generated relative to the DST change's date, so busy time and bookings land near it.
    const anchor = Date.parse(`${r.date}T00:00:00Z`);
    const from = anchor - r.startDaysBefore * DAY + r.fromMinute * MINUTE;
    const iso = (ms: number) => new Date(ms).toISOString();
    const opt = <K extends string, V>(key: K, value: V | undefined) =>
      (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
    return {
      now: iso(from + r.nowMinutes * MINUTE),
      from: iso(from),
      to: iso(from + r.lengthDays * DAY),
      mode: r.mode,
      durationMinutes: r.duration,
      ...opt('slotIntervalMinutes', r.interval),
      ...opt('minimumNoticeMinutes', r.notice),
      ...opt('bufferBeforeMinutes', r.before),
      ...opt('bufferAfterMinutes', r.after),
      ...opt('bookingWindowDays', r.windowDays),
      ...opt('maxBookingsPerDay', r.maxPerDay),
      hosts: r.hosts.map((h, i) => ({
        id: `h${i}`,
        timeZone: h.timeZone,
        weekly: h.weekly,
        overrides: h.overrides.map((o) => ({ date: iso(anchor + o.day * DAY).slice(0, 10), intervals: o.intervals })),
        busy: h.busy.map((b) => ({
          start: iso(anchor + b.at * MINUTE),
          end: iso(anchor + (b.at + b.minutes) * MINUTE),
        })),
        bookedStarts: h.booked.map((minutes) => iso(anchor + minutes * MINUTE)),
      })),
    };
  });

// ---------------------------------------------------------------- the properties

it('offers only allowed slots (a), and every allowed grid start (b)', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const slots = computeSlots(s);
      const got = slots.map((slot) => Date.parse(slot.start));
      const rules = rulesFor(s);

      // (a) soundness, rule by rule, on the engine's own answer.
      const inWorkingHours = (h: Host, start: number) =>
        rules.windowsOf(h).some(([ws, we]) => ws <= start && start + rules.duration <= we);
      const hostCanTake = (h: Host, start: number) => inWorkingHours(h, start) && rules.hostAllows(h, start);
      slots.forEach((slot, i) => {
        expect(Date.parse(slot.end) - got[i]!).toBe(rules.duration);
        if (i > 0) expect(got[i]!).toBeGreaterThan(got[i - 1]!);
        expect(rules.allows(got[i]!)).toBe(true);
        const able = s.hosts.filter((h) => hostCanTake(h, got[i]!));
        expect(able.length).toBeGreaterThanOrEqual(s.mode === 'collective' ? s.hosts.length : 1);
      });

      // (b) completeness: exactly the reference's set.
      expect(got.map((ms) => new Date(ms).toISOString())).toEqual(
        referenceSlots(s, rules).map((ms) => new Date(ms).toISOString()),
      );
    }),
    { numRuns: 100 },
  );
}, 30_000); // ~2 s alone; the margin is for a busy machine

it('offers the same slots for any part of a range as for the whole range', () => {
  fc.assert(
    fc.property(
      scenarioArb,
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (s, a, b) => {
        const [from, to] = [Date.parse(s.from), Date.parse(s.to)];
        const at = (fraction: number) => from + Math.floor((fraction * (to - from)) / MINUTE) * MINUTE;
        // The part never reaches past the whole range: a fraction of exactly 1 lands on `to` itself.
        const [partFrom, partTo] = [at(Math.min(a, b)), Math.min(at(Math.max(a, b)) + MINUTE, to)];
        const part = computeSlots({ ...s, from: new Date(partFrom).toISOString(), to: new Date(partTo).toISOString() });
        const whole = computeSlots(s).filter((slot) => {
          const start = Date.parse(slot.start);
          return start >= partFrom && start < partTo;
        });
        expect(part).toEqual(whole);
      },
    ),
    { numRuns: 200 },
  );
}, 30_000);
