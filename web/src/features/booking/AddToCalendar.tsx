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

export function AddToCalendar({ booking, icsHref, manageUrl }: AddToCalendarProps) {
  const details = [
    `${booking.eventType.title} with ${booking.host.name}.`,
    booking.location.url ? `Join: ${booking.location.url}` : '',
    manageUrl ? `Reschedule or cancel: ${manageUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const event: CalendarEvent = {
    title: `${booking.eventType.title} with ${booking.host.name}`,
    start: booking.start,
    end: booking.end,
    details,
    location: calendarLocation(booking.location),
  };
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">Add to your calendar</h3>
      <ul className="flex flex-wrap gap-2">
        <li>
          <a href={icsHref} download={`${booking.eventType.slug}.ics`} className={linkClasses}>
            Apple / Outlook (.ics)
          </a>
        </li>
        <li>
          <a href={googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer" className={linkClasses}>
            Google Calendar
          </a>
        </li>
        <li>
          <a href={outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer" className={linkClasses}>
            Outlook.com
          </a>
        </li>
      </ul>
    </div>
  );
}
