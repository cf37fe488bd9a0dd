import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'wouter';
import { fetchInviteeBooking, inviteeBookingKey } from '../../features/booking/api';
import { BookingLoadState } from '../../features/booking/BookingLoadState';
import { ManageBooking } from '../../features/booking/ManageBooking';
import { ApiError } from '../../lib/api';
import { PageTitle } from '../../ui/PageTitle';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

/** /booking/{uid}?token=…[&action=cancel|reschedule]: the invitee's view of one booking. */
export function ManageBookingPage() {
  const { uid = '' } = useParams<{ uid: string }>();
  const [search, setSearch] = useSearchParams();
  const token = search.get('token') ?? '';
  const action = search.get('action');
  // Once done, the action is history: a reload shows the booking, not the reschedule or cancel step again.
  const clearAction = () =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('action');
        return next;
      },
      { replace: true },
    );
  const booking = useQuery({
    queryKey: inviteeBookingKey(uid),
    queryFn: ({ signal }) => fetchInviteeBooking(uid, token, signal),
    enabled: token !== '',
  });

  const invalidLink = (
    <PublicNotFound
      title="Booking not found"
      description="This link is not valid. Open the link from your confirmation e-mail again; it contains a key that lets you manage the booking."
    />
  );
  if (token === '') return invalidLink;
  if (booking.isPending || booking.isError) {
    if (booking.error instanceof ApiError && booking.error.status === 404) return invalidLink;
    return (
      <PublicLayout>
        <PublicCard className="p-6">
          <BookingLoadState error={booking.error} onRetry={() => booking.refetch()} />
        </PublicCard>
      </PublicLayout>
    );
  }
  return (
    <PublicLayout>
      <PageTitle>{`${booking.data.eventType.title} with ${booking.data.host.name}`}</PageTitle>
      <PublicCard className="space-y-6 p-5 sm:p-8">
        <ManageBooking
          booking={booking.data}
          token={token}
          initialMode={action === 'cancel' || action === 'reschedule' ? action : 'view'}
          onChanged={clearAction}
        />
      </PublicCard>
    </PublicLayout>
  );
}
