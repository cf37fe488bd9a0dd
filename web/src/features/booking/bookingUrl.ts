import { compareDates, dateKey, firstOfMonth, parseDateKey, type CivilDate } from '../../lib/zonedTime';

/**
 * Where a visitor is on a booking page, as kept in its query string so Back, Forward, reload and a shared
 * link all land in the same place: `?month=YYYY-MM&date=YYYY-MM-DD&slot=<ISO start>` while choosing, and
 * `?booked=<uid>&token=<token>` once booked. The step follows from what is set: a slot means the form.
 */
export interface BookingUrl {
  month?: CivilDate | undefined;
  /** A date key in the viewer's zone. */
  date?: string | undefined;
  /** The chosen slot's start, as an ISO instant. */
  slot?: string | undefined;
  booked?: { uid: string; token: string } | undefined;
}

function parseMonth(value: string | null): CivilDate | undefined {
  const match = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  return parseDateKey(`${match[1]}-${match[2]}-01`);
}

function parseInstant(value: string | null): string | undefined {
  if (!value) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

export function readBookingUrl(params: URLSearchParams): BookingUrl {
  const uid = params.get('booked');
  const token = params.get('token');
  if (uid && token) return { booked: { uid, token } };
  const date = params.get('date');
  return {
    month: parseMonth(params.get('month')),
    date: date && parseDateKey(date) ? date : undefined,
    slot: parseInstant(params.get('slot')),
  };
}

export function bookingSearch(state: BookingUrl): URLSearchParams {
  const params = new URLSearchParams();
  if (state.booked) {
    params.set('booked', state.booked.uid);
    params.set('token', state.booked.token);
    return params;
  }
  if (state.month) params.set('month', dateKey(state.month).slice(0, 7));
  if (state.date) params.set('date', state.date);
  if (state.slot) params.set('slot', state.slot);
  return params;
}

/** The month to show: the one asked for, else the date's, else this one; never before this month or past the window. */
export function shownMonth(url: BookingUrl, today: CivilDate, lastDay: CivilDate): CivilDate {
  const date = url.date ? parseDateKey(url.date) : undefined;
  const wanted = url.month ?? (date ? firstOfMonth(date) : firstOfMonth(today));
  if (compareDates(wanted, firstOfMonth(today)) < 0) return firstOfMonth(today);
  if (compareDates(wanted, lastDay) > 0) return firstOfMonth(lastDay);
  return wanted;
}
