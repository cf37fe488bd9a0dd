import { formatCivilDate, formatTime, zonedToInstant } from '../../lib/zonedTime';
import { WeekBookingLink } from './WeekBookingLink';
import { shownHours, type WeekDay } from './weekLayout';

const HOUR_PX = 72;
const MIN_BLOCK_PX = 22;
/** Blocks shorter than this show two lines, when and who; the rest show the type too. */
const SHORT_MINUTES = 45;

interface WeekGridProps {
  days: WeekDay[];
  today: string;
  zone: string;
  hour12: boolean;
  now: number;
}

/** The week as seven columns of hours, each booking a block from its start to its end. */
export function WeekGrid({ days, today, zone, hour12, now }: WeekGridProps) {
  const { first, last } = shownHours(days);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const height = hours.length * HOUR_PX;
  // Hour labels read on the host's clock; any day of the week names them the same.
  const label = (hour: number) => formatTime(zonedToInstant(days[0]!.date, hour * 60, zone), zone, hour12);

  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="grid min-w-[46rem] grid-cols-[4rem_repeat(7,minmax(0,1fr))]">
        <div aria-hidden="true" className="border-b border-slate-200" />
        {days.map((day) => (
          <div
            key={day.key}
            className={`border-b border-l border-slate-200 px-2 py-2 text-center text-sm ${
              day.key === today ? 'font-semibold text-indigo-700' : 'text-slate-700'
            }`}
          >
            <span className="block text-xs tracking-wide uppercase">
              {formatCivilDate(day.date, { weekday: 'short' })}
            </span>
            <span className="block text-lg">{day.date.day}</span>
          </div>
        ))}
        <div aria-hidden="true" className="relative" style={{ height }}>
          {hours.map((hour, i) => (
            <span
              key={hour}
              className="absolute right-2 -translate-y-1/2 text-xs text-slate-500 tabular-nums first:translate-y-0"
              style={{ top: i * HOUR_PX }}
            >
              {label(hour)}
            </span>
          ))}
        </div>
        {days.map((day) => (
          <section
            key={day.key}
            aria-label={formatCivilDate(day.date, { weekday: 'long', month: 'long', day: 'numeric' })}
            className={`relative border-l border-slate-200 ${day.key === today ? 'bg-indigo-50/40' : ''}`}
            style={{
              height,
              backgroundImage: `repeating-linear-gradient(to bottom, transparent 0 ${HOUR_PX - 1}px, rgb(226 232 240) ${HOUR_PX - 1}px ${HOUR_PX}px)`,
            }}
          >
            {day.bookings.map((p) => (
              <WeekBookingLink
                key={p.booking.uid}
                booking={p.booking}
                zone={zone}
                hour12={hour12}
                now={now}
                short={p.endMinute - p.startMinute < SHORT_MINUTES}
                placement={{
                  top: ((p.startMinute - first * 60) / 60) * HOUR_PX,
                  height: Math.max(((p.endMinute - p.startMinute) / 60) * HOUR_PX - 2, MIN_BLOCK_PX),
                  left: `calc(${(p.lane / p.lanes) * 100}% + 2px)`,
                  width: `calc(${100 / p.lanes}% - 4px)`,
                }}
              />
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
