import type {
  BookingListQuery,
  BookingListResponse,
  BookingResponse,
  HostActionRequest,
  HostNoteRequest,
  SlotsResponse,
} from '../../../../src/modules/scheduling/schemas';
import { MAX_BOOKING_PAGE_SIZE } from '../../../../src/modules/scheduling/bookings.rules';
import { api } from '../../lib/api';
import type { SlotSource } from '../booking/useSlots';

export type HostAction = HostActionRequest['action'];
/** What the list is asked for; `format` is the export link's. */
export type BookingQuery = Omit<BookingListQuery, 'format'>;

export const hostBookingsKey = ['host-bookings'] as const;
export const hostBookingKey = (uid: string) => [...hostBookingsKey, 'one', uid] as const;

const enc = encodeURIComponent;

function search(query: BookingListQuery) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  return params.toString();
}

/** A page of the host's bookings; its `next` asks for the page after it. */
export const listBookings = (query: BookingQuery, signal?: AbortSignal) =>
  api.get<BookingListResponse>(`/api/meetings/bookings?${search(query)}`, { signal });

/** Every booking `query` selects, page after page of the most the server gives: for a view of a bounded range. */
export async function listAllBookings(query: BookingQuery, signal?: AbortSignal) {
  const bookings: BookingListResponse['bookings'] = [];
  let cursor: string | null = null;
  do {
    const page: BookingListResponse = await listBookings(
      { ...query, limit: String(MAX_BOOKING_PAGE_SIZE), ...(cursor ? { cursor } : {}) },
      signal,
    );
    bookings.push(...page.bookings);
    cursor = page.next;
  } while (cursor);
  return bookings;
}

/** The address of the list as a CSV file: a plain link, so the browser downloads it with the session cookie. */
export const exportCsvUrl = (query: BookingQuery) => `/api/meetings/bookings?${search({ ...query, format: 'csv' })}`;

export async function fetchHostBooking(uid: string, signal?: AbortSignal) {
  const { booking } = await api.get<BookingResponse>(`/api/meetings/bookings/${enc(uid)}`, { signal });
  return booking;
}

export async function actOnBooking(uid: string, request: HostActionRequest) {
  const body: HostActionRequest = { ...request };
  const reason = request.reason?.trim();
  if (reason) body.reason = reason;
  else delete body.reason;
  const { booking } = await api.patch<BookingResponse>(`/api/meetings/bookings/${enc(uid)}`, body);
  return booking;
}

export async function saveHostNote(uid: string, note: string) {
  const body: HostNoteRequest = { note };
  const { booking } = await api.put<BookingResponse>(`/api/meetings/bookings/${enc(uid)}/note`, body);
  return booking;
}

/** The times the host may move a booking to, for the booking page's picker. */
export const rescheduleSlots = (uid: string): SlotSource => ({
  key: [...hostBookingKey(uid), 'slots'],
  fetch: (from, to, timeZone, signal) =>
    api.get<SlotsResponse>(
      `/api/meetings/bookings/${enc(uid)}/slots?${new URLSearchParams({
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        timeZone,
      }).toString()}`,
      { signal },
    ),
});
