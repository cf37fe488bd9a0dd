import { useState } from 'react';
import { useParams, useSearchParams } from 'wouter';
import { BookingFacts } from '../../features/hostBookings/BookingFacts';
import { BookingStatus } from '../../features/hostBookings/BookingStatus';
import { HostActions } from '../../features/hostBookings/HostActions';
import { HostNote } from '../../features/hostBookings/HostNote';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatDateTime, formatLongDate, formatTimeRange, localePrefersHour12 } from '../../lib/zonedTime';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { HostBookingFrame } from './HostBookingFrame';

/** /dashboard/bookings/{uid}: everything the host may see of one booking, and what they can do with it. */
export function BookingDetailsPage() {
  const { uid = '' } = useParams<{ uid: string }>();
  const [params] = useSearchParams();
  const zone = useProfileZone();
  const [hour12] = useState(localePrefersHour12);
  const [now] = useState(() => Date.now());

  return (
    <HostBookingFrame uid={uid}>
      {(booking) => {
        const start = Date.parse(booking.start);
        const title = `${booking.invitee.name} · ${booking.eventType.title}`;
        return (
          <article className="space-y-6">
            <PageTitle>{title}</PageTitle>
            <header className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
                <p className="mt-1 text-sm text-slate-700">
                  {formatLongDate(start, zone)}, {formatTimeRange(start, Date.parse(booking.end), zone, hour12)}{' '}
                  <span className="text-slate-600">({timeZoneLabel(zone)})</span>
                </p>
              </div>
              <BookingStatus booking={booking} now={now} />
            </header>
            {params.get('rescheduled') && booking.status !== 'cancelled' && (
              <Notice tone="success">Moved to the new time. {booking.invitee.name} has been told by e-mail.</Notice>
            )}
            {booking.rescheduleRequestedAt && (
              <Notice tone="warning">
                You asked {booking.invitee.name} for a new time on{' '}
                {formatDateTime(Date.parse(booking.rescheduleRequestedAt), zone)}. The booking stays cancelled, and its
                time free, until they pick one; you will get an e-mail when they do.
              </Notice>
            )}
            <section
              aria-labelledby="details-heading"
              className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5"
            >
              <h2 id="details-heading" className="text-base font-semibold text-slate-900">
                Details
              </h2>
              <BookingFacts booking={booking} withNote={false} />
              <dl className="mt-1 space-y-1 text-sm">
                <div className="flex flex-wrap gap-x-2">
                  <dt className="text-slate-600">Invitee's time zone:</dt>
                  <dd>{timeZoneLabel(booking.timeZone)}</dd>
                </div>
              </dl>
              <div className="mt-4 empty:hidden">
                <HostActions booking={booking} zone={zone} hour12={hour12} now={now} />
              </div>
            </section>
            <section className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
              <HostNote key={booking.uid} booking={booking} />
            </section>
          </article>
        );
      }}
    </HostBookingFrame>
  );
}
