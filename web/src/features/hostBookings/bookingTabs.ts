import type { Booking } from '../booking/api';
import { listBookings } from './api';

/** The host's booking lists, each with what it says when empty. */
export const tabs = [
  { id: 'upcoming', label: 'Upcoming', empty: 'No upcoming meetings. Share a booking link to get some.' },
  { id: 'pending', label: 'Pending', empty: 'No requests are waiting for your confirmation.' },
  { id: 'past', label: 'Past', empty: 'No past meetings yet.' },
  { id: 'cancelled', label: 'Cancelled', empty: 'No cancelled or declined bookings.' },
] as const;
export type Tab = (typeof tabs)[number]['id'];

/** A tab's bookings; "Cancelled" also lists the declined requests, newest first. */
export async function fetchTab(tab: Tab, signal: AbortSignal): Promise<Booking[]> {
  if (tab !== 'cancelled') return listBookings(tab, signal);
  const [cancelled, declined] = await Promise.all([
    listBookings('cancelled', signal),
    listBookings('declined', signal),
  ]);
  return [...cancelled, ...declined].sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
}
