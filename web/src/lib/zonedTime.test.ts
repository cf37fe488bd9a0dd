// The booking page's zone arithmetic (zonedTime.ts) is plain TypeScript over Intl, so it is
// checked in Node, where DST edges are easy to pin down; the browser tests cover it end to end.
import { describe, expect, test } from 'vitest';
import {
  addDays,
  addMonths,
  civilDateOf,
  daysInMonth,
  isoWeekday,
  monthRange,
  offsetLabel,
  offsetMinutes,
  parseDateKey,
  zonedDateKey,
  zonedToInstant,
} from './zonedTime';
import { googleCalendarUrl, outlookCalendarUrl } from './calendarLinks';

const at = (iso: string) => Date.parse(iso);

describe('zone arithmetic with Intl only', () => {
  test('offsets follow daylight saving time', () => {
    expect(offsetMinutes(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(at('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetLabel('Asia/Kolkata', at('2026-07-15T12:00:00Z'))).toBe('GMT+5:30');
    expect(offsetLabel('UTC', at('2026-07-15T12:00:00Z'))).toBe('GMT');
  });

  test('a wall time becomes the right instant, also on DST change days', () => {
    expect(new Date(zonedToInstant({ year: 2026, month: 3, day: 29 }, 0, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    // Berlin springs forward at 02:00 on 29 March 2026: 03:00 is already summer time.
    expect(new Date(zonedToInstant({ year: 2026, month: 3, day: 29 }, 180, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // New York falls back at 02:00 on 1 November 2026: that day has 25 hours.
    const nov1 = zonedToInstant({ year: 2026, month: 11, day: 1 }, 0, 'America/New_York');
    const nov2 = zonedToInstant({ year: 2026, month: 11, day: 2 }, 0, 'America/New_York');
    expect((nov2 - nov1) / 3_600_000).toBe(25);
    // Santiago's clocks jump from 24:00 to 01:00 in September: the day still has a start.
    const santiago = zonedToInstant({ year: 2026, month: 9, day: 6 }, 0, 'America/Santiago');
    expect(zonedDateKey(santiago + 3_600_000, 'America/Santiago')).toBe('2026-09-06');
  });

  test('month ranges are the viewer-zone months', () => {
    const { from, to } = monthRange({ year: 2026, month: 11, day: 1 }, 'Asia/Tokyo');
    expect(new Date(from).toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(zonedDateKey(at('2026-11-30T14:59:00Z'), 'Asia/Tokyo')).toBe('2026-11-30');
    expect(zonedDateKey(at('2026-11-30T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-01');
  });

  test('civil dates', () => {
    expect(daysInMonth({ year: 2028, month: 2, day: 1 })).toBe(29);
    expect(addMonths({ year: 2026, month: 12, day: 1 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addMonths({ year: 2026, month: 1, day: 1 }, -1)).toEqual({ year: 2025, month: 12, day: 1 });
    expect(addDays({ year: 2026, month: 2, day: 28 }, 1)).toEqual({ year: 2026, month: 3, day: 1 });
    expect(isoWeekday({ year: 2026, month: 11, day: 29 })).toBe(7);
    expect(parseDateKey('2026-02-30')).toBeUndefined();
    expect(civilDateOf(at('2026-11-25T23:30:00Z'), 'Pacific/Auckland')).toEqual({ year: 2026, month: 11, day: 26 });
  });
});

test('add-to-calendar links carry the booking in UTC', () => {
  const event = {
    title: 'Intro call with Hana',
    start: '2026-11-26T09:00:00.000Z',
    end: '2026-11-26T09:30:00.000Z',
    details: 'Join: https://meet.jit.si/x',
    location: 'https://meet.jit.si/x',
  };
  const google = new URL(googleCalendarUrl(event));
  expect(google.searchParams.get('dates')).toBe('20261126T090000Z/20261126T093000Z');
  expect(google.searchParams.get('text')).toBe('Intro call with Hana');
  const outlook = new URL(outlookCalendarUrl(event));
  expect(outlook.searchParams.get('startdt')).toBe('2026-11-26T09:00:00.000Z');
  expect(outlook.searchParams.get('subject')).toBe('Intro call with Hana');
});
