import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Redirect } from 'wouter';
import { ApiError } from '../../lib/api';
import { fetchInviteeBooking, inviteeBookingKey, managePath } from './api';
import { BookingLoadState } from './BookingLoadState';
import { Confirmation } from './Confirmation';

interface BookedConfirmationProps {
  uid: string;
  token: string;
  timeZone: string;
  hour12: boolean;
  /** The link names no booking this token opens. */
  onInvalid: () => void;
}

/**
 * The confirmation as a reloadable page: right after booking it shows the answer already cached, after a
 * reload it asks again with the invitee's own token.
 */
export function BookedConfirmation({ uid, token, timeZone, hour12, onInvalid }: BookedConfirmationProps) {
  const booking = useQuery({
    queryKey: inviteeBookingKey(uid),
    queryFn: ({ signal }) => fetchInviteeBooking(uid, token, signal),
  });
  const invalid = booking.isError && booking.error instanceof ApiError && booking.error.status === 404;
  useEffect(() => {
    if (invalid) onInvalid();
  }, [invalid, onInvalid]);

  if (booking.isPending || booking.isError) {
    // A link that opens no booking keeps showing "Loading" until onInvalid has sent the page elsewhere.
    return <BookingLoadState error={invalid ? null : booking.error} onRetry={() => booking.refetch()} centered />;
  }
  // A cancelled or declined booking is no news to confirm: its own page says what happened.
  if (booking.data.status === 'cancelled' || booking.data.status === 'declined') {
    return <Redirect to={managePath(uid, token)} replace />;
  }
  return <Confirmation booking={booking.data} token={token} timeZone={timeZone} hour12={hour12} />;
}
