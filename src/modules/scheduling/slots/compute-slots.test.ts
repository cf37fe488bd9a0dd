/* eslint-disable max-lines -- The engine's rules in order, each a describe block of worked examples: one file reads as
   the specification, and split apart a rule's examples would have to be hunted for. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeSlots, scenarioSchema, type SlotScenario } from './index.js';

type Host = SlotScenario['hosts'][number];
type Weekly = NonNullable<Host['weekly']>[number];

const everyDay = (start: string, end: string): Weekly[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));
const host = (over: Partial<Host> = {}): Host => ({ id: 'h', timeZone: 'UTC', weekly: [], ...over });
const scenario = (over: Partial<SlotScenario>): SlotScenario => ({
  now: '2026-01-01T00:00:00.000Z',
  from: '2026-03-02T00:00:00.000Z', // a Monday
  to: '2026-03-03T00:00:00.000Z',
  mode: 'collective',
  durationMinutes: 30,
  hosts: [host({ weekly: everyDay('09:00', '11:00') })],
  ...over,
});
const starts = (s: SlotScenario) => computeSlots(s).map((slot) => slot.start);
/** Shorthand for instants: t('2026-03-02 09:30') → '2026-03-02T09:30:00.000Z'. */
const t = (text: string) => `${text.replace(' ', 'T')}:00.000Z`;
const ts = (...texts: string[]) => texts.map(t);

describe('rule 1: weekly availability in the host zone', () => {
  it('uses the ISO weekday of the local date (Monday = 1)', () => {
    const s = scenario({
      to: '2026-03-09T00:00:00.000Z',
      hosts: [host({ weekly: [{ weekday: 1, start: '09:00', end: '10:00' }] })],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:00', '2026-03-02 09:30'));
  });

  it('reads "24:00" as the midnight that ends the day', () => {
    const s = scenario({ hosts: [host({ weekly: [{ weekday: 1, start: '23:00', end: '24:00' }] })] });
    expect(starts(s)).toEqual(ts('2026-03-02 23:00', '2026-03-02 23:30'));
  });

  it('lets an interval that ends at or before its start cross midnight, belonging to its start date', () => {
    const s = scenario({
      from: '2026-03-06T00:00:00.000Z',
      to: '2026-03-09T00:00:00.000Z',
      durationMinutes: 60,
      // Friday 22:00–02:00 in Berlin (CET, +1); Saturday is a day off, which must not cut Friday's night.
      hosts: [
        host({
          timeZone: 'Europe/Berlin',
          weekly: [{ weekday: 5, start: '22:00', end: '02:00' }],
          overrides: [{ date: '2026-03-07', intervals: [] }],
        }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-06 21:00', '2026-03-06 22:00', '2026-03-06 23:00', '2026-03-07 00:00'));
  });

  it('treats start = end as 24 hours', () => {
    const s = scenario({
      to: '2026-03-04T00:00:00.000Z',
      durationMinutes: 720,
      hosts: [host({ weekly: [{ weekday: 1, start: '09:00', end: '09:00' }] })],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:00', '2026-03-02 21:00'));
  });

  it('merges overlapping and touching intervals of a day before laying the grid', () => {
    const touching = scenario({
      durationMinutes: 45,
      hosts: [
        host({
          weekly: [
            { weekday: 1, start: '10:15', end: '11:00' },
            { weekday: 1, start: '09:00', end: '10:15' },
          ],
        }),
      ],
    });
    // Separately the grid would be 09:00 and 10:15; merged it is 09:00, 09:45.
    expect(starts(touching)).toEqual(ts('2026-03-02 09:00', '2026-03-02 09:45'));
    const overlapping = scenario({
      durationMinutes: 60,
      hosts: [
        host({
          weekly: [
            { weekday: 1, start: '09:00', end: '10:00' },
            { weekday: 1, start: '09:30', end: '11:00' },
          ],
        }),
      ],
    });
    expect(starts(overlapping)).toEqual(ts('2026-03-02 09:00', '2026-03-02 10:00'));
  });

  it('keeps windows of different dates apart, even where they touch', () => {
    const s = scenario({
      durationMinutes: 90,
      slotIntervalMinutes: 60,
      to: '2026-03-04T00:00:00.000Z',
      hosts: [
        host({
          weekly: [
            { weekday: 1, start: '22:00', end: '01:00' },
            { weekday: 2, start: '01:00', end: '02:30' },
          ],
        }),
      ],
    });
    // 00:00–01:30 would straddle Monday's and Tuesday's windows.
    expect(starts(s)).toEqual(ts('2026-03-02 22:00', '2026-03-02 23:00', '2026-03-03 01:00'));
  });

  it('lays each date’s own grid where windows of two dates overlap, without duplicates', () => {
    const nights = (tuesday: string) =>
      starts(
        scenario({
          durationMinutes: 60,
          slotIntervalMinutes: 40,
          to: '2026-03-04T00:00:00.000Z',
          hosts: [
            host({
              weekly: [
                { weekday: 1, start: '22:20', end: '02:00' },
                { weekday: 2, start: tuesday, end: '02:30' },
              ],
            }),
          ],
        }),
      ).map((iso) => iso.slice(11, 16));
    const monday = ['22:20', '23:00', '23:40', '00:20', '01:00'];
    expect(nights('00:00')).toEqual(['22:20', '23:00', '23:40', '00:00', '00:20', '00:40', '01:00', '01:20']);
    expect(nights('00:20')).toEqual(monday);
  });

  it('gives the same slots whatever range is asked for', () => {
    // Round-the-clock hours with a 25-minute grid: the grid restarts at each local midnight.
    const s = scenario({
      durationMinutes: 25,
      to: '2026-03-06T00:00:00.000Z',
      hosts: [host({ timeZone: 'Asia/Kolkata', weekly: everyDay('00:00', '24:00') })],
    });
    const all = starts(s);
    const part = starts({ ...s, from: '2026-03-04T10:00:00.000Z', to: '2026-03-04T12:00:00.000Z' });
    expect(part).toEqual(all.filter((iso) => iso >= '2026-03-04T10:00' && iso < '2026-03-04T12:00'));
    expect(part[0]).toBe(t('2026-03-04 10:20')); // 18:30Z (local midnight) + 38 × 25 min
  });
});

describe('rule 2: date overrides', () => {
  const week = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' };

  it('replaces the weekly intervals of that local date only', () => {
    const s = scenario({
      ...week,
      hosts: [
        host({
          weekly: everyDay('09:00', '10:00'),
          overrides: [{ date: '2026-03-03', intervals: [{ start: '14:00', end: '15:00' }] }],
        }),
      ],
    });
    expect(starts(s)).toEqual(
      ts(
        '2026-03-02 09:00',
        '2026-03-02 09:30',
        '2026-03-03 14:00',
        '2026-03-03 14:30',
        '2026-03-04 09:00',
        '2026-03-04 09:30',
      ),
    );
  });

  it('makes a day off of an override without intervals, in the host zone', () => {
    const s = scenario({
      ...week,
      hosts: [
        host({
          timeZone: 'Asia/Kolkata',
          weekly: everyDay('09:00', '10:00'),
          overrides: [{ date: '2026-03-03', intervals: [] }],
        }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 03:30', '2026-03-02 04:00', '2026-03-04 03:30', '2026-03-04 04:00'));
  });

  it('adds availability on a day without weekly hours; overrides of the same date add up', () => {
    const s = scenario({
      ...week,
      hosts: [
        host({
          weekly: [],
          overrides: [
            { date: '2026-03-04', intervals: [{ start: '09:00', end: '09:30' }] },
            { date: '2026-03-04', intervals: [{ start: '12:00', end: '12:30' }] },
          ],
        }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-04 09:00', '2026-03-04 12:00'));
  });
});

describe('rule 3: wall clock → UTC across DST and odd offsets', () => {
  /** A host available only on one local date (an override), so no neighbouring day merges in. */
  const onlyOn = (timeZone: string, date: string, start: string, end: string) =>
    host({ timeZone, overrides: [{ date, intervals: [{ start, end }] }] });

  it('moves a New York 09:00 in UTC when DST starts (2026-03-08) and ends (2026-11-01)', () => {
    const nineToTen = host({ timeZone: 'America/New_York', weekly: everyDay('09:00', '09:30') });
    const spring = scenario({ from: t('2026-03-07 00:00'), to: t('2026-03-10 00:00'), hosts: [nineToTen] });
    expect(starts(spring)).toEqual(ts('2026-03-07 14:00', '2026-03-08 13:00', '2026-03-09 13:00'));
    const fall = scenario({ from: t('2026-10-31 00:00'), to: t('2026-11-03 00:00'), hosts: [nineToTen] });
    expect(starts(fall)).toEqual(ts('2026-10-31 13:00', '2026-11-01 14:00', '2026-11-02 14:00'));
  });

  it('gives the spring-forward day 23 hours and the fall-back day 25 (America/New_York)', () => {
    const wholeDay = (date: string, nextDay: string) =>
      starts(
        scenario({
          from: t(`${date} 00:00`),
          to: t(`${nextDay} 12:00`),
          durationMinutes: 60,
          hosts: [onlyOn('America/New_York', date, '00:00', '24:00')],
        }),
      );
    const spring = wholeDay('2026-03-08', '2026-03-09');
    expect([spring.length, spring[0], spring.at(-1)]).toEqual([23, t('2026-03-08 05:00'), t('2026-03-09 03:00')]);
    const fall = wholeDay('2026-11-01', '2026-11-02');
    expect([fall.length, fall[0], fall.at(-1)]).toEqual([25, t('2026-11-01 04:00'), t('2026-11-02 04:00')]);
  });

  it('maps a start inside the spring-forward gap to the first instant after it', () => {
    // 02:30 does not exist on 2026-03-08 in New York: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    const s = scenario({
      from: t('2026-03-08 00:00'),
      to: t('2026-03-09 00:00'),
      hosts: [onlyOn('America/New_York', '2026-03-08', '02:30', '04:00')],
    });
    expect(starts(s)).toEqual(ts('2026-03-08 07:00', '2026-03-08 07:30'));
  });

  it('uses the earlier offset in the fall-back overlap', () => {
    // 01:30 happens twice on 2026-11-01 in New York: first at EDT (05:30Z), then at EST (06:30Z).
    const s = scenario({
      from: t('2026-11-01 00:00'),
      to: t('2026-11-02 00:00'),
      hosts: [onlyOn('America/New_York', '2026-11-01', '01:30', '03:00')],
    });
    expect(starts(s)).toEqual(
      ts('2026-11-01 05:30', '2026-11-01 06:00', '2026-11-01 06:30', '2026-11-01 07:00', '2026-11-01 07:30'),
    );
  });

  it('handles Europe/London and Europe/Berlin transitions (late March, late October)', () => {
    // London, 2026-03-29: 01:00 GMT → 02:00 BST, so 00:00–03:00 local lasts two hours.
    const london = scenario({
      from: t('2026-03-29 00:00'),
      to: t('2026-03-30 00:00'),
      durationMinutes: 60,
      hosts: [onlyOn('Europe/London', '2026-03-29', '00:00', '03:00')],
    });
    expect(starts(london)).toEqual(ts('2026-03-29 00:00', '2026-03-29 01:00'));
    // Berlin, 2026-10-25: 03:00 CEST → 02:00 CET, so 02:00–04:00 local lasts three hours.
    const berlin = scenario({
      from: t('2026-10-24 00:00'),
      to: t('2026-10-26 00:00'),
      durationMinutes: 60,
      hosts: [onlyOn('Europe/Berlin', '2026-10-25', '02:00', '04:00')],
    });
    expect(starts(berlin)).toEqual(ts('2026-10-25 00:00', '2026-10-25 01:00', '2026-10-25 02:00'));
    // A Berlin 09:00 is 08:00Z on Friday 2026-03-27 and 07:00Z on Monday 2026-03-30.
    const week = scenario({
      from: t('2026-03-27 00:00'),
      to: t('2026-03-31 00:00'),
      hosts: [
        host({
          timeZone: 'Europe/Berlin',
          weekly: [1, 5].map((weekday) => ({ weekday, start: '09:00', end: '09:30' })),
        }),
      ],
    });
    expect(starts(week)).toEqual(ts('2026-03-27 08:00', '2026-03-30 07:00'));
  });

  it('keeps a night that crosses a DST change as long as it really is', () => {
    // Saturday 22:00 EST → Sunday 04:00 EDT in New York is five hours.
    const s = scenario({
      from: t('2026-03-07 00:00'),
      to: t('2026-03-09 00:00'),
      durationMinutes: 60,
      hosts: [host({ timeZone: 'America/New_York', weekly: [{ weekday: 6, start: '22:00', end: '04:00' }] })],
    });
    expect(starts(s)).toEqual(
      ts('2026-03-08 03:00', '2026-03-08 04:00', '2026-03-08 05:00', '2026-03-08 06:00', '2026-03-08 07:00'),
    );
  });

  it('sees the next local day start before `to` when the clock falls back across midnight', () => {
    // America/Moncton, 2006-10-29: 00:01 ADT became 23:01 AST of the 28th, so the 29th began at 03:00Z,
    // and at 03:30Z the clock read the 28th again.
    const s = scenario({
      now: t('2006-10-01 00:00'),
      from: t('2006-10-29 02:00'),
      to: t('2006-10-29 03:30'),
      durationMinutes: 15,
      hosts: [onlyOn('America/Moncton', '2006-10-29', '00:00', '02:00')],
    });
    expect(starts(s)).toEqual(ts('2006-10-29 03:00', '2006-10-29 03:15'));
  });

  it('handles half- and quarter-hour zones (Asia/Kolkata +05:30, Asia/Kathmandu +05:45)', () => {
    const at = (timeZone: string) =>
      starts(scenario({ hosts: [host({ timeZone, weekly: [{ weekday: 1, start: '09:00', end: '09:30' }] })] }));
    expect(at('Asia/Kolkata')).toEqual(ts('2026-03-02 03:30'));
    expect(at('Asia/Kathmandu')).toEqual(ts('2026-03-02 03:15'));
  });

  it('handles Australia/Lord_Howe: +10:30, +11 in summer, a 30-minute DST shift', () => {
    const nine = host({ timeZone: 'Australia/Lord_Howe', weekly: everyDay('09:00', '09:30') });
    // DST starts on Sunday 2026-10-04 at 02:00 (+10:30), i.e. 2026-10-03T15:30Z.
    const october = scenario({ from: t('2026-10-02 00:00'), to: t('2026-10-05 00:00'), hosts: [nine] });
    expect(starts(october)).toEqual(ts('2026-10-02 22:30', '2026-10-03 22:00', '2026-10-04 22:00'));
    const gap = scenario({
      from: t('2026-10-03 00:00'),
      to: t('2026-10-04 00:00'),
      hosts: [onlyOn('Australia/Lord_Howe', '2026-10-04', '02:15', '03:00')],
    });
    expect(starts(gap)).toEqual(ts('2026-10-03 15:30'));
    // DST ends on Sunday 2026-04-05 at 02:00 (+11) → 01:30 (+10:30): 01:30–02:00 happens twice.
    const overlap = scenario({
      from: t('2026-04-04 00:00'),
      to: t('2026-04-05 00:00'),
      durationMinutes: 15,
      hosts: [onlyOn('Australia/Lord_Howe', '2026-04-05', '01:45', '02:30')],
    });
    expect(starts(overlap)).toEqual(
      ts('2026-04-04 14:45', '2026-04-04 15:00', '2026-04-04 15:15', '2026-04-04 15:30', '2026-04-04 15:45'),
    );
  });
});

describe('rule 4: the grid', () => {
  const window = (start: string, end: string) => [host({ weekly: [{ weekday: 1, start, end }] })];

  it('steps by the slot interval and keeps the whole slot inside the window', () => {
    const s = scenario({ slotIntervalMinutes: 20, hosts: window('09:00', '10:30') });
    expect(starts(s)).toEqual(ts('2026-03-02 09:00', '2026-03-02 09:20', '2026-03-02 09:40', '2026-03-02 10:00'));
  });

  it('is anchored at the window start, not at from, now or busy time', () => {
    const s = scenario({
      from: t('2026-03-02 09:05'),
      now: t('2026-03-02 09:00'),
      minimumNoticeMinutes: 10,
      hosts: [
        host({
          weekly: [{ weekday: 1, start: '09:10', end: '11:00' }],
          busy: [{ start: t('2026-03-02 09:10'), end: t('2026-03-02 09:20') }],
        }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:40', '2026-03-02 10:10'));
  });

  it('lays the collective grid on the intersection of the hosts’ windows', () => {
    const s = scenario({
      hosts: [
        host({ id: 'a', weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] }),
        host({ id: 'b', weekly: [{ weekday: 1, start: '09:20', end: '10:50' }] }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:20', '2026-03-02 09:50', '2026-03-02 10:20'));
  });
});

describe('rule 5: what may be offered', () => {
  it('offers starts in [from, to) only', () => {
    const s = scenario({
      from: t('2026-03-02 09:15'),
      to: t('2026-03-02 10:30'),
      hosts: [host({ weekly: everyDay('09:00', '12:00') })],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:30', '2026-03-02 10:00'));
  });

  describe('buffers around busy time (half-open: touching is fine)', () => {
    const busy = [{ start: t('2026-03-02 10:00'), end: t('2026-03-02 10:30') }];
    const withBuffers = (before: number, after: number) =>
      starts(
        scenario({
          bufferBeforeMinutes: before,
          bufferAfterMinutes: after,
          hosts: [host({ weekly: everyDay('09:00', '12:00'), busy })],
        }),
      ).map((iso) => iso.slice(11, 16));

    it('lets slots touch busy time without buffers', () => {
      expect(withBuffers(0, 0)).toEqual(['09:00', '09:30', '10:30', '11:00', '11:30']);
    });
    it('blocks a slot whose buffer after overlaps, not one whose buffer touches', () => {
      expect(withBuffers(0, 15)).toEqual(['09:00', '10:30', '11:00', '11:30']);
      expect(withBuffers(0, 30)).toEqual(['09:00', '10:30', '11:00', '11:30']);
      expect(withBuffers(0, 31)).toEqual(['10:30', '11:00', '11:30']);
    });
    it('blocks a slot whose buffer before overlaps, not one whose buffer touches', () => {
      expect(withBuffers(15, 0)).toEqual(['09:00', '09:30', '11:00', '11:30']);
      expect(withBuffers(30, 0)).toEqual(['09:00', '09:30', '11:00', '11:30']);
      expect(withBuffers(31, 0)).toEqual(['09:00', '09:30', '11:30']);
    });
    it('ignores empty busy intervals and merges overlapping ones', () => {
      const s = scenario({
        hosts: [
          host({
            weekly: everyDay('09:00', '12:00'),
            busy: [
              { start: t('2026-03-02 09:10'), end: t('2026-03-02 09:10') },
              { start: t('2026-03-02 10:40'), end: t('2026-03-02 11:00') },
              { start: t('2026-03-02 10:10'), end: t('2026-03-02 10:50') },
            ],
          }),
        ],
      });
      expect(starts(s)).toEqual(ts('2026-03-02 09:00', '2026-03-02 09:30', '2026-03-02 11:00', '2026-03-02 11:30'));
    });
  });

  it('needs start ≥ now + minimum notice', () => {
    const s = scenario({ now: t('2026-03-02 08:00'), minimumNoticeMinutes: 80 });
    expect(starts(s)).toEqual(ts('2026-03-02 09:30', '2026-03-02 10:00', '2026-03-02 10:30'));
    expect(starts({ ...s, minimumNoticeMinutes: 90 })[0]).toBe(t('2026-03-02 09:30'));
  });

  it('needs start < now + bookingWindowDays (rolling 24-hour days)', () => {
    const s = scenario({
      now: t('2026-03-02 08:00'),
      to: t('2026-03-06 00:00'),
      bookingWindowDays: 2,
      hosts: [host({ weekly: everyDay('07:00', '09:00') })],
    });
    expect(starts(s)).toEqual(
      ts(
        '2026-03-02 08:00',
        '2026-03-02 08:30',
        '2026-03-03 07:00',
        '2026-03-03 07:30',
        '2026-03-03 08:00',
        '2026-03-03 08:30',
        '2026-03-04 07:00',
        '2026-03-04 07:30',
      ),
    );
    expect(starts({ ...s, bookingWindowDays: null })).toHaveLength(14);
  });

  it('closes a local date (host zone) that already has maxBookingsPerDay bookings', () => {
    const ny = (bookedStarts: string[]) =>
      scenario({
        from: t('2026-03-02 00:00'),
        to: t('2026-03-04 12:00'),
        maxBookingsPerDay: 2,
        hosts: [host({ timeZone: 'America/New_York', weekly: everyDay('09:00', '09:30'), bookedStarts })],
      });
    // 03:00Z on the 3rd is still Monday the 2nd in New York.
    expect(starts(ny([t('2026-03-02 15:00'), t('2026-03-03 03:00')]))).toEqual(ts('2026-03-03 14:00'));
    expect(starts(ny([t('2026-03-03 03:00'), t('2026-03-03 15:00')]))).toEqual(
      ts('2026-03-02 14:00', '2026-03-03 14:00'),
    );
  });
});

describe('collective and any with several hosts', () => {
  const three = (over: { busyA?: string[]; busyB?: string[]; bookedC?: string[] } = {}) => [
    host({ id: 'a', weekly: everyDay('09:00', '17:00'), busy: pairs(over.busyA) }),
    host({ id: 'b', timeZone: 'Europe/London', weekly: everyDay('10:00', '18:00'), busy: pairs(over.busyB) }),
    host({ id: 'c', timeZone: 'Asia/Kolkata', weekly: everyDay('14:30', '20:30'), bookedStarts: over.bookedC ?? [] }),
  ];
  function pairs(list: string[] = []) {
    const out = [];
    for (let i = 0; i < list.length; i += 2) out.push({ start: list[i]!, end: list[i + 1]! });
    return out;
  }
  const busy = { busyA: ts('2026-03-02 11:00', '2026-03-02 12:00'), busyB: ts('2026-03-02 13:00', '2026-03-02 13:30') };

  it('collective: every host is free, in the intersection of their hours', () => {
    const s = scenario({ durationMinutes: 60, hosts: three(busy) });
    expect(starts(s)).toEqual(ts('2026-03-02 10:00', '2026-03-02 12:00', '2026-03-02 14:00'));
  });

  it('collective: one host’s daily limit closes the day for all', () => {
    const s = scenario({
      durationMinutes: 60,
      maxBookingsPerDay: 1,
      hosts: three({ ...busy, bookedC: ts('2026-03-02 05:00') }),
    });
    expect(starts(s)).toEqual([]);
  });

  it('any: at least one host is free; the union is sorted without duplicates', () => {
    const s = scenario({ mode: 'any', durationMinutes: 60, hosts: three(busy) });
    expect(starts(s).map((iso) => iso.slice(11, 16))).toEqual(
      ['09', '10', '11', '12', '13', '14', '15', '16', '17'].map((h) => `${h}:00`),
    );
  });

  it('any: each host keeps its own grid and its own daily limit', () => {
    const s = scenario({
      mode: 'any',
      maxBookingsPerDay: 1,
      hosts: [
        host({ id: 'a', weekly: everyDay('09:00', '10:00') }),
        host({ id: 'b', weekly: everyDay('09:15', '10:15') }),
        host({ id: 'c', weekly: everyDay('09:00', '10:00'), bookedStarts: ts('2026-03-02 12:00') }),
      ],
    });
    expect(starts(s)).toEqual(ts('2026-03-02 09:00', '2026-03-02 09:15', '2026-03-02 09:30', '2026-03-02 09:45'));
    const onlyFullHost = { ...s, hosts: [s.hosts[2]!] };
    expect(starts(onlyFullHost)).toEqual([]);
  });
});

describe('rule 6: output', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('is UTC ISO with milliseconds, ascending, with end = start + duration', () => {
    const slots = computeSlots(
      scenario({
        mode: 'any',
        hosts: [host({ weekly: everyDay('09:00', '10:00') }), host({ weekly: everyDay('09:00', '11:00') })],
      }),
    );
    expect(slots).toEqual([
      { start: t('2026-03-02 09:00'), end: t('2026-03-02 09:30') },
      { start: t('2026-03-02 09:30'), end: t('2026-03-02 10:00') },
      { start: t('2026-03-02 10:00'), end: t('2026-03-02 10:30') },
      { start: t('2026-03-02 10:30'), end: t('2026-03-02 11:00') },
    ]);
  });

  it('does not depend on the viewer’s zone or the process zone', () => {
    const s = scenario({
      hosts: [host({ timeZone: 'America/New_York', weekly: everyDay('09:00', '10:00') })],
      to: t('2026-03-10 00:00'),
    });
    process.env.TZ = 'Pacific/Kiritimati';
    const inKiritimati = computeSlots(s);
    process.env.TZ = 'America/Los_Angeles';
    const inLosAngeles = computeSlots(s);
    const viewer = scenarioSchema.parse({ ...s, timeZone: 'Asia/Tokyo' });
    expect(inLosAngeles).toEqual(inKiritimati);
    expect(computeSlots(viewer)).toEqual(inKiritimati);
    expect(inKiritimati[0]).toEqual({ start: t('2026-03-02 14:00'), end: t('2026-03-02 14:30') });
  });
});
