import type { BookingQuery } from './api';

/** The host's booking lists, each with the statuses it asks for and what it says when empty. */
export const tabs = [
  {
    id: 'upcoming',
    label: 'Upcoming',
    status: 'upcoming',
    empty: 'No upcoming meetings. Share a booking link to get some.',
  },
  { id: 'pending', label: 'Pending', status: 'pending', empty: 'No requests are waiting for your confirmation.' },
  { id: 'past', label: 'Past', status: 'past', empty: 'No past meetings yet.' },
  {
    id: 'cancelled',
    label: 'Cancelled',
    // Declined requests are ended bookings too, and a reschedule request waits here until the invitee picks.
    status: 'cancelled,declined',
    // Ended bookings read best newest first, as the past ones do.
    order: 'desc',
    empty: 'No cancelled or declined bookings.',
  },
  { id: 'all', label: 'All', status: undefined, empty: 'No bookings yet.' },
] as const satisfies readonly {
  id: string;
  label: string;
  status: BookingQuery['status'];
  order?: BookingQuery['order'];
  empty: string;
}[];
export type Tab = (typeof tabs)[number]['id'];
