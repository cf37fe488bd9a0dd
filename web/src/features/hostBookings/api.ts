import type {
  BookingListQuery,
  BookingListResponse,
  BookingResponse,
  HostActionRequest,
} from '../../../../src/modules/scheduling/schemas';
import { api } from '../../lib/api';

export type BookingFilter = NonNullable<BookingListQuery['status']>;
export type HostAction = HostActionRequest['action'];

export const hostBookingsKey = ['host-bookings'] as const;

export async function listBookings(status: BookingFilter, signal?: AbortSignal) {
  const { bookings } = await api.get<BookingListResponse>(
    `/api/meetings/bookings?${new URLSearchParams({ status }).toString()}`,
    { signal },
  );
  return bookings;
}

export async function actOnBooking(uid: string, action: HostAction, reason?: string) {
  const body: HostActionRequest = reason?.trim() ? { action, reason: reason.trim() } : { action };
  const { booking } = await api.patch<BookingResponse>(`/api/meetings/bookings/${encodeURIComponent(uid)}`, body);
  return booking;
}
