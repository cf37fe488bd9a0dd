import { useTranslation } from 'react-i18next';
import { calendarLocation } from './BookingDetails';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from '../../lib/calendarLinks';
import { focusRing } from '../../ui/focusRing';
import type { Booking } from './api';

const linkClasses = `inline-flex min-h-10 items-center justify-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 ${focusRing}`;

interface AddToCalendarProps {
  booking: Booking;
  /** Same-origin path of the booking's .ics file. */
  icsHref: string;
  manageUrl?: string | undefined;
}

/** The event the web calendars get is worded in the page's language, as the invitee's e-mails are. */
export function AddToCalendar({ booking, icsHref, manageUrl }: AddToCalendarProps) {
  const { t } = useTranslation();
  const title = t('meetingWith', { title: booking.eventType.title, host: booking.host.name });
  const details = [
    `${title}.`,
    booking.location.url ? t('addToCalendar.join', { url: booking.location.url }) : '',
    manageUrl ? t('addToCalendar.manage', { url: manageUrl }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const event: CalendarEvent = {
    title,
    start: booking.start,
    end: booking.end,
    details,
    location: calendarLocation(t, booking.location),
  };
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{t('addToCalendar.heading')}</h3>
      <ul className="flex flex-wrap gap-2">
        <li>
          <a href={icsHref} download={`${booking.eventType.slug}.ics`} className={linkClasses}>
            {t('addToCalendar.ics')}
          </a>
        </li>
        <li>
          <a href={googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer" className={linkClasses}>
            {t('addToCalendar.google')}
          </a>
        </li>
        <li>
          <a href={outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer" className={linkClasses}>
            {t('addToCalendar.outlook')}
          </a>
        </li>
      </ul>
    </div>
  );
}
