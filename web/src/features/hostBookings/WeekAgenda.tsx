import { formatCivilDate } from '../../lib/zonedTime';
import { WeekBookingLink } from './WeekBookingLink';
import type { WeekDay } from './weekLayout';

interface WeekAgendaProps {
  days: WeekDay[];
  today: string;
  zone: string;
  hour12: boolean;
  now: number;
}

/** The week on a narrow screen: day after day, each with its bookings in order. */
export function WeekAgenda({ days, today, zone, hour12, now }: WeekAgendaProps) {
  return (
    <ol className="space-y-4">
      {days.map((day) => (
        <li key={day.key}>
          <h3 className={`text-sm font-semibold ${day.key === today ? 'text-indigo-700' : 'text-slate-900'}`}>
            {formatCivilDate(day.date, { weekday: 'long', month: 'long', day: 'numeric' })}
            {day.key === today && ' · Today'}
          </h3>
          {day.bookings.length ? (
            <ul className="mt-2 space-y-2">
              {day.bookings.map((p) => (
                <li key={p.booking.uid}>
                  <WeekBookingLink booking={p.booking} zone={zone} hour12={hour12} now={now} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-500">No bookings</p>
          )}
        </li>
      ))}
    </ol>
  );
}
