import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'wouter';
import { fetchInviteeBooking, inviteeBookingKey } from '../../features/booking/api';
import { BookingLoadState } from '../../features/booking/BookingLoadState';
import { ManageBooking } from '../../features/booking/ManageBooking';
import { ApiError } from '../../lib/api';
import { usePageLanguage } from '../../lib/pageLanguage';
import { PageTitle } from '../../ui/PageTitle';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

/**
 * /booking/{uid}?token=…[&action=cancel|reschedule]: the invitee's view of one booking, in the language they
 * booked in unless the address or the switcher says otherwise.
 */
export function ManageBookingPage() {
  const { t } = useTranslation();
  const page = usePageLanguage();
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
  const bookedIn = booking.data?.locale;
  const suggest = page?.suggest;
  useEffect(() => suggest?.(bookedIn), [suggest, bookedIn]);

  const invalidLink = <PublicNotFound title={t('manage.notFoundTitle')} description={t('manage.notFoundText')} />;
  if (token === '') return invalidLink;
  // Until the booking's language is on the page, it shows that it is loading rather than a flash of another one.
  if (booking.isPending || booking.isError || (page && !page.ready)) {
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
      <PageTitle>{t('meetingWith', { title: booking.data.eventType.title, host: booking.data.host.name })}</PageTitle>
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
