import { describe, expect, it } from 'vitest';
import type { Booking } from '../booking/api';
import { layoutWeek, shownHours } from './weekLayout';

const booking = (uid: string, start: string, end: string) => ({ uid, start, end }) as Booking;
const monday = { year: 2026, month: 3, day: 9 };

describe('the week view’s layout', () => {
  it('puts each booking on its day and minutes in the zone, overlaps side by side', () => {
    const days = layoutWeek(
      [
        booking('a', '2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z'),
        booking('b', '2026-03-09T09:30:00Z', '2026-03-09T10:00:00Z'),
        booking('c', '2026-03-09T10:00:00Z', '2026-03-09T10:30:00Z'),
        // 23:30 UTC on Sunday is Monday 00:30 in Berlin.
        booking('d', '2026-03-15T23:30:00Z', '2026-03-16T00:00:00Z'),
        booking('next-week', '2026-03-16T09:00:00Z', '2026-03-16T09:30:00Z'),
      ],
      monday,
      'Europe/Berlin',
    );
    expect(days.map((d) => d.key)).toEqual([
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
      '2026-03-15',
    ]);
    const placed = days[0]!.bookings.map((p) => [p.booking.uid, p.startMinute, p.endMinute, p.lane, p.lanes]);
    expect(placed).toEqual([
      ['a', 600, 660, 0, 2],
      ['b', 630, 660, 1, 2],
      ['c', 660, 690, 0, 1],
    ]);
    expect(days.slice(1).flatMap((d) => d.bookings)).toEqual([]);
  });

  it('clips a meeting past midnight to its first day and follows daylight saving time', () => {
    const [, , , , , , sunday] = layoutWeek(
      [booking('late', '2026-03-29T21:30:00Z', '2026-03-29T22:30:00Z')],
      { year: 2026, month: 3, day: 23 },
      'Europe/Berlin',
    );
    // Summer time began that morning: 21:30 UTC is 23:30 in Berlin, and the meeting runs into Monday.
    expect(sunday!.bookings.map((p) => [p.startMinute, p.endMinute])).toEqual([[1410, 1440]]);
  });

  it('shows at least 08:00 to 18:00, widened to the earliest and latest booking', () => {
    expect(shownHours(layoutWeek([], monday, 'UTC'))).toEqual({ first: 8, last: 18 });
    const days = layoutWeek(
      [
        booking('early', '2026-03-10T06:30:00Z', '2026-03-10T07:00:00Z'),
        booking('late', '2026-03-12T19:00:00Z', '2026-03-12T20:15:00Z'),
      ],
      monday,
      'UTC',
    );
    expect(shownHours(days)).toEqual({ first: 6, last: 21 });
  });
});
