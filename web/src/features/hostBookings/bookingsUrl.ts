import {
  addDays,
  civilDateOf,
  dateKey,
  isoWeekday,
  parseDateKey,
  startOfZonedDay,
  type CivilDate,
} from '../../lib/zonedTime';
import type { BookingQuery } from './api';
import { tabs, type Tab } from './bookingTabs';

/**
 * What the host's bookings page shows, as kept in its query string so reload, Back and a shared link keep it:
 * `view=week&week=YYYY-MM-DD` or the list's `tab`, and the filters `q`, `type`, `from` and `to` (dates in the
 * host's profile zone, `to` included). Defaults are left out of the address.
 */
export interface BookingsUrl {
  view: 'list' | 'week';
  tab: Tab;
  q: string;
  /** A meeting type's id; empty for all. */
  type: string;
  from?: string | undefined;
  to?: string | undefined;
  /** A day of the week shown; today's week when unset. */
  week?: string | undefined;
}

const dateOrNothing = (value: string | null) => (value && parseDateKey(value) ? value : undefined);

export function readBookingsUrl(params: URLSearchParams): BookingsUrl {
  const tab = tabs.find((t) => t.id === params.get('tab'))?.id ?? 'upcoming';
  return {
    view: params.get('view') === 'week' ? 'week' : 'list',
    tab,
    q: params.get('q') ?? '',
    type: params.get('type') ?? '',
    from: dateOrNothing(params.get('from')),
    to: dateOrNothing(params.get('to')),
    week: dateOrNothing(params.get('week')),
  };
}

export function bookingsSearch(state: BookingsUrl): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view === 'week') params.set('view', 'week');
  if (state.view === 'week' && state.week) params.set('week', state.week);
  if (state.view === 'list' && state.tab !== 'upcoming') params.set('tab', state.tab);
  if (state.q.trim()) params.set('q', state.q);
  if (state.type) params.set('type', state.type);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

/** The filters every view shares, as the API takes them: dates become the instants that bound them in `zone`. */
function filters(state: BookingsUrl, zone: string): BookingQuery {
  const from = state.from ? parseDateKey(state.from) : undefined;
  const to = state.to ? parseDateKey(state.to) : undefined;
  return {
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    ...(state.type ? { type: state.type } : {}),
    ...(from ? { from: new Date(startOfZonedDay(from, zone)).toISOString() } : {}),
    ...(to ? { to: new Date(startOfZonedDay(addDays(to, 1), zone)).toISOString() } : {}),
  };
}

export function listQuery(state: BookingsUrl, zone: string): BookingQuery {
  const tab = tabs.find((t) => t.id === state.tab);
  return {
    ...filters(state, zone),
    ...(tab?.status ? { status: tab.status } : {}),
    ...(tab && 'order' in tab ? { order: tab.order } : {}),
  };
}

/** The first day of the week that holds `day`, the week starting on `firstDay` (ISO weekday). */
export function weekStartOf(day: CivilDate, firstDay: number): CivilDate {
  return addDays(day, -((isoWeekday(day) - firstDay + 7) % 7));
}

/** The week shown: the one asked for, else this week in `zone`. */
export function shownWeek(state: BookingsUrl, zone: string, firstDay: number, now: number): CivilDate {
  const asked = state.week ? parseDateKey(state.week) : undefined;
  return weekStartOf(asked ?? civilDateOf(now, zone), firstDay);
}

/**
 * The week view's bookings: those that hold time (pending and confirmed, past ones included) starting in the
 * week, narrowed by the search and type; its own dates replace the list's date range.
 */
export function weekQuery(state: BookingsUrl, weekStart: CivilDate, zone: string): BookingQuery {
  return {
    ...filters({ ...state, from: dateKey(weekStart), to: dateKey(addDays(weekStart, 6)) }, zone),
    status: 'pending,confirmed',
  };
}
