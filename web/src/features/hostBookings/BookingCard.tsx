import { useState } from 'react';
import { Link } from 'wouter';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange, localePrefersHour12 } from '../../lib/zonedTime';
import { focusRing } from '../../ui/focusRing';
import type { Booking } from '../booking/api';
import { useProfileZone } from '../identity/useProfileZone';
import { BookingFacts } from './BookingFacts';
import { BookingStatus } from './BookingStatus';
import { HostActions } from './HostActions';

/** One booking in the host's list: who, when, what they said, and what the host can do about it. */
export function BookingCard({ booking }: { booking: Booking }) {
  const zone = useProfileZone();
  const [hour12] = useState(localePrefersHour12);
  const [now] = useState(() => Date.now());
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);

  return (
    <li className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">
            <Link
              href={`/bookings/${booking.uid}`}
              className={`rounded-sm underline-offset-2 hover:text-indigo-700 hover:underline ${focusRing}`}
            >
              {booking.invitee.name} · {booking.eventType.title}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {formatLongDate(start, zone)}, {formatTimeRange(start, end, zone, hour12)}{' '}
            <span className="text-slate-600">({timeZoneLabel(zone)})</span>
          </p>
        </div>
        <BookingStatus booking={booking} now={now} />
      </div>
      <BookingFacts booking={booking} />
      <div className="mt-4 empty:hidden">
        <HostActions booking={booking} zone={zone} hour12={hour12} now={now} />
      </div>
    </li>
  );
}
