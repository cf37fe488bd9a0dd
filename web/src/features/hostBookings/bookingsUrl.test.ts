import { describe, expect, it } from 'vitest';
import { bookingsSearch, listQuery, readBookingsUrl, shownWeek, weekQuery } from './bookingsUrl';

const read = (search: string) => readBookingsUrl(new URLSearchParams(search));

describe('the bookings page’s address', () => {
  it('reads what it shows and writes it back without the defaults', () => {
    const state = read('view=week&week=2026-03-11&q=ann&type=t1&from=2026-03-01&to=2026-03-31&tab=past');
    expect(state).toEqual({
      view: 'week',
      tab: 'past',
      q: 'ann',
      type: 't1',
      from: '2026-03-01',
      to: '2026-03-31',
      week: '2026-03-11',
    });
    expect(bookingsSearch(state).toString()).toBe(
      'view=week&week=2026-03-11&q=ann&type=t1&from=2026-03-01&to=2026-03-31',
    );
    expect(bookingsSearch(read('tab=cancelled&q=%20%20')).toString()).toBe('tab=cancelled');
    expect(bookingsSearch(read('')).toString()).toBe('');
  });

  it('ignores what it cannot read', () => {
    expect(read('view=month&tab=nope&from=2026-02-30&week=soon')).toEqual({
      view: 'list',
      tab: 'upcoming',
      q: '',
      type: '',
      from: undefined,
      to: undefined,
      week: undefined,
    });
  });

  it('asks the API for the tab’s statuses and the dates’ instants in the profile zone, the last day included', () => {
    expect(listQuery(read('tab=cancelled&q=%20ann%20&from=2026-03-01&to=2026-03-31'), 'Europe/Berlin')).toEqual({
      q: 'ann',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      status: 'cancelled,declined',
      order: 'desc',
    });
    expect(listQuery(read('tab=all'), 'UTC')).toEqual({});
  });

  it('shows the week holding the asked day, starting on the locale’s first day', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');
    expect(shownWeek(read('view=week'), 'UTC', 1, now)).toEqual({ year: 2026, month: 3, day: 9 });
    expect(shownWeek(read('view=week'), 'UTC', 7, now)).toEqual({ year: 2026, month: 3, day: 8 });
    expect(shownWeek(read('view=week&week=2026-03-22'), 'UTC', 1, now)).toEqual({ year: 2026, month: 3, day: 16 });
    expect(weekQuery(read('view=week&type=t1&from=2026-01-01'), { year: 2026, month: 3, day: 9 }, 'UTC')).toEqual({
      type: 't1',
      from: '2026-03-09T00:00:00.000Z',
      to: '2026-03-16T00:00:00.000Z',
      status: 'pending,confirmed',
    });
  });
});
