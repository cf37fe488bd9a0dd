import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchInviteeBooking, type Booking } from './api';
import { isVideo } from './locations';

const POLL_MS = 2000;
/** Past this the e-mail carries the link; the page stops asking. */
const GIVE_UP_MS = 120_000;

/**
 * Zoom, Meet and Teams links are made just after the booking; until then the confirmation has no URL. Asks
 * for the booking again (with the invitee's own token) until the link is there, and shows the booking with it.
 */
export function useVideoLinkArrival(booking: Booking, token: string): Booking {
  const waiting = isVideo(booking.location.type) && !booking.location.url && booking.status !== 'cancelled';
  const [since] = useState(() => Date.now());
  const latest = useQuery({
    queryKey: ['booking-video-link', booking.uid],
    queryFn: ({ signal }) => fetchInviteeBooking(booking.uid, token, signal),
    enabled: waiting,
    refetchInterval: (query) => (query.state.data?.location.url || Date.now() - since > GIVE_UP_MS ? false : POLL_MS),
  });
  const url = latest.data?.location.url;
  return url ? { ...booking, location: { ...booking.location, url } } : booking;
}
