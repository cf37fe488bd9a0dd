import { describe, expect, it } from 'vitest';
import { weeklySummary } from './scheduleSummary';

const days = (list: number[], start: string, end: string) => list.map((weekday) => ({ weekday, start, end }));

describe('a schedule’s one-line summary', () => {
  it('groups weekdays with the same hours, in week order', () => {
    expect(weeklySummary(days([1, 2, 3, 4, 5], '09:00', '17:00'), false)).toBe('Mon–Fri 09:00–17:00');
    expect(weeklySummary([...days([6], '10:00', '14:00'), ...days([1, 2, 3, 5], '09:00', '17:00')], false)).toBe(
      'Mon–Wed, Fri 09:00–17:00 · Sat 10:00–14:00',
    );
    expect(weeklySummary(days([1, 2, 4, 5], '18:00', '21:00'), false)).toBe('Mon, Tue, Thu, Fri 18:00–21:00');
  });

  it('lists a day’s several intervals, and says when there are none', () => {
    expect(
      weeklySummary(
        [
          { weekday: 7, start: '13:00', end: '17:00' },
          { weekday: 7, start: '08:00', end: '12:00' },
        ],
        false,
      ),
    ).toBe('Sun 08:00–12:00, 13:00–17:00');
    expect(weeklySummary([{ weekday: 5, start: '22:00', end: '02:00', endsNextDay: true }], false)).toBe(
      'Fri 22:00–02:00',
    );
    expect(weeklySummary([], true)).toBe('No weekly hours');
  });

  it('reads in a 12-hour clock where the reader uses one', () => {
    expect(weeklySummary(days([1, 2, 3, 4, 5], '09:00', '17:30'), true)).toBe('Mon–Fri 9:00 AM–5:30 PM');
  });

  it('says midnight for the end of a day, and all day for a whole one, never an interval that ends as it begins', () => {
    expect(weeklySummary(days([1, 2, 3, 4, 5], '09:00', '24:00'), true)).toBe('Mon–Fri 9:00 AM–midnight');
    expect(weeklySummary(days([1, 2, 3, 4, 5], '09:00', '24:00'), false)).toBe('Mon–Fri 09:00–24:00');
    expect(weeklySummary(days([1, 2, 3, 4, 5, 6, 7], '00:00', '24:00'), true)).toBe('Mon–Sun all day');
  });
});
