import { useQuery } from '@tanstack/react-query';
import { fetchHostBooking, hostBookingKey } from './api';

/** One of the host's bookings, as its details and reschedule pages show it. */
export const useHostBooking = (uid: string) =>
  useQuery({ queryKey: hostBookingKey(uid), queryFn: ({ signal }) => fetchHostBooking(uid, signal) });
