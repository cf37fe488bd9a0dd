import { formatCivilDate, parseDateKey, type CivilDate } from '../../lib/zonedTime';
import { Panel } from '../../ui/Panel';
import type { AnalyticsReport } from './api';
import { count } from './numberFormats';

/** A bar per day, drawn for the eye and repeated as a table for screen readers. */
export function BookingsChart({ byDay, days }: { byDay: AnalyticsReport['byDay']; days: string[] }) {
  const perDay = new Map(byDay.map((d) => [d.date, d.bookings]));
  const series = days.map((date) => ({ date, bookings: perDay.get(date) ?? 0 }));
  const max = Math.max(1, ...series.map((d) => d.bookings));
  const total = series.reduce((n, d) => n + d.bookings, 0);
  const busiest = series.reduce((best, d) => (d.bookings > best.bookings ? d : best), series[0]!);
  const label = (key: string, options: Intl.DateTimeFormatOptions) => {
    const date: CivilDate | undefined = parseDateKey(key);
    return date ? formatCivilDate(date, options) : key;
  };
  const short = { month: 'short', day: 'numeric' } as const;
  const long = { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' } as const;

  return (
    <Panel
      compact
      headingId="per-day-heading"
      title="Bookings per day"
      description={`All meeting types. ${count.format(total)} in total${
        busiest.bookings > 0
          ? `; the busiest day was ${label(busiest.date, long)} with ${count.format(busiest.bookings)}`
          : ''
      }.`}
    >
      <div aria-hidden="true" className="flex gap-2">
        <div className="flex w-6 shrink-0 flex-col justify-between text-right text-xs text-slate-600 tabular-nums">
          <span>{max}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex h-40 items-end gap-px border-b border-slate-300" data-testid="bookings-chart">
            {series.map((d) => (
              <div
                key={d.date}
                title={`${label(d.date, short)}: ${d.bookings}`}
                className="flex h-full min-w-0 flex-1 items-end"
              >
                <div
                  className={`w-full rounded-t-sm ${d.bookings > 0 ? 'bg-indigo-600' : ''}`}
                  style={{ height: `${(d.bookings / max) * 100}%` }}
                />
              </div>
            ))}
          </div>
          <div className="mt-1 flex justify-between text-xs text-slate-600">
            <span>{label(series[0]!.date, short)}</span>
            <span>{label(series[series.length - 1]!.date, short)}</span>
          </div>
        </div>
      </div>
      <table className="sr-only">
        <caption>Bookings per day, all meeting types</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Bookings</th>
          </tr>
        </thead>
        <tbody>
          {series.map((d) => (
            <tr key={d.date}>
              <th scope="row">{label(d.date, long)}</th>
              <td>{d.bookings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
