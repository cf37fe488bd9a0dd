import { api } from '../../lib/api';
import type { Booking } from '../booking/api';

export type BookingFilter = 'upcoming' | 'past' | 'pending' | 'cancelled' | 'declined' | 'confirmed';
export type HostAction = 'confirm' | 'decline' | 'cancel' | 'no_show';

export const hostBookingsKey = ['host-bookings'] as const;

export async function listBookings(status: BookingFilter, signal?: AbortSignal) {
  const { bookings } = await api.get<{ bookings: Booking[] }>(
    `/api/meetings/bookings?${new URLSearchParams({ status }).toString()}`,
    { signal },
  );
  return bookings;
}

export async function actOnBooking(uid: string, action: HostAction, reason?: string) {
  const body = reason?.trim() ? { action, reason: reason.trim() } : { action };
  const { booking } = await api.patch<{ booking: Booking }>(`/api/meetings/bookings/${encodeURIComponent(uid)}`, body);
  return booking;
}
