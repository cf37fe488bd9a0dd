import type { ReactNode } from 'react';
import type { Booking } from '../../features/booking/api';
import { useHostBooking } from '../../features/hostBookings/useHostBooking';
import { ApiError } from '../../lib/api';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { TextLink } from '../../ui/TextLink';

/** A page about one of the host's bookings: the way back to the list, and the booking once it has loaded. */
export function HostBookingFrame({ uid, children }: { uid: string; children: (booking: Booking) => ReactNode }) {
  const booking = useHostBooking(uid);
  return (
    <>
      <p className="text-sm">
        <TextLink href="/bookings">← All bookings</TextLink>
      </p>
      {booking.isPending ? (
        <LoadingBlock label="Loading the booking…" rows={2} />
      ) : booking.isError ? (
        booking.error instanceof ApiError && booking.error.status === 404 ? (
          <EmptyState title="Booking not found" description="It may belong to another account, or the link is wrong." />
        ) : (
          <LoadError what="the booking" error={booking.error} onRetry={() => booking.refetch()} />
        )
      ) : (
        children(booking.data)
      )}
    </>
  );
}
