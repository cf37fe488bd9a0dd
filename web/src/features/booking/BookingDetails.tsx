import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateLocale } from '../../lib/pageLanguage';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import { focusRing } from '../../ui/focusRing';
import type { Booking } from './api';
import { isVideo, locationLabel } from './locations';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[7rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      {/* anywhere, not break-word: only it lets a long unbroken e-mail shrink the column instead of widening the page. */}
      <dd className="text-sm wrap-anywhere text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * Where the meeting happens, with the join link when there is one. `inactive` leaves the link out: a cancelled or
 * declined meeting's room must not look like a place to go.
 */
export function LocationText({ location, inactive = false }: { location: Booking['location']; inactive?: boolean }) {
  const { t } = useTranslation();
  const label = locationLabel(t, location.type);
  if (inactive) return <>{label}</>;
  if (location.url) {
    return (
      <>
        {label}:{' '}
        <a
          href={location.url}
          target="_blank"
          rel="noopener noreferrer"
          className={`rounded-sm font-semibold break-all text-indigo-700 underline underline-offset-2 ${focusRing}`}
        >
          {location.url}
        </a>
      </>
    );
  }
  if (location.value) return <>{`${label}: ${location.value}`}</>;
  if (isVideo(location.type)) return <>{t('location.linkFollows', { location: label })}</>;
  return <>{label}</>;
}

export function calendarLocation(t: TFunction, location: Booking['location']): string {
  return location.url ?? location.value ?? locationLabel(t, location.type);
}

interface BookingDetailsProps {
  booking: Booking;
  timeZone: string;
  hour12: boolean;
}

export function BookingDetails({ booking, timeZone, hour12 }: BookingDetailsProps) {
  const { t } = useTranslation();
  const locale = useDateLocale();
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  return (
    <dl className="space-y-3">
      <Row term={t('details.what')}>{booking.eventType.title}</Row>
      <Row term={t('details.when')}>
        <span className="block">{formatLongDate(start, timeZone, locale)}</span>
        <span className="block">
          {formatTimeRange(start, end, timeZone, hour12, locale)} ({timeZoneLabel(timeZone)})
        </span>
      </Row>
      <Row term={t('details.where')}>
        <LocationText
          location={booking.location}
          inactive={booking.status === 'cancelled' || booking.status === 'declined'}
        />
      </Row>
      <Row term={t('details.host')}>{booking.host.name}</Row>
      <Row term={t('details.invitee')}>
        {booking.invitee.name} ({booking.invitee.email})
      </Row>
      {booking.cancelReason && <Row term={t('details.reason')}>{booking.cancelReason}</Row>}
    </dl>
  );
}
