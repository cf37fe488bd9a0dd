import type { AnalyticsReport } from './api';
import { BookingsChart } from './BookingsChart';
import { Funnel } from './Funnel';
import { count, percent } from './numberFormats';
import { TypesTable } from './TypesTable';

/** Nothing viewed or booked in the period: the page says so instead of charting zeros. */
export function isEmptyReport(data: AnalyticsReport) {
  return (
    data.pageViews + data.slotViews + data.bookings + data.cancellations + data.reschedules + data.noShows === 0 &&
    data.byDay.every((d) => d.bookings === 0)
  );
}

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-slate-600">{hint}</dd>}
    </div>
  );
}

/** The totals, the funnel, bookings per day and the table by meeting type. */
export function Report({ data, days, rangeLabel }: { data: AnalyticsReport; days: string[]; rangeLabel: string }) {
  return (
    <>
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="sr-only">
          Totals, {rangeLabel.toLowerCase()}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          <Kpi label="Page views" value={count.format(data.pageViews)} />
          <Kpi label="Bookings" value={count.format(data.bookings)} />
          <Kpi label="Conversion" value={percent.format(data.conversionRate)} hint="Bookings per page view" />
          <Kpi label="Cancellations" value={count.format(data.cancellations)} />
          <Kpi label="Reschedules" value={count.format(data.reschedules)} />
          <Kpi label="No-shows" value={count.format(data.noShows)} />
        </dl>
      </section>
      <Funnel data={data} />
      <BookingsChart byDay={data.byDay} days={days} />
      <TypesTable byType={data.byType} />
    </>
  );
}
