import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { analyticsKey, getAnalytics, type AnalyticsReport, type TypeStats } from '../../features/analytics/api';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { listMeetingTypes, meetingTypesKey } from '../../features/meetingTypes/api';
import { timeZoneLabel } from '../../lib/timeZones';
import {
  addDays,
  civilDateOf,
  dateKey,
  formatCivilDate,
  parseDateKey,
  startOfZonedDay,
  type CivilDate,
} from '../../lib/zonedTime';
import { EmptyState } from '../../ui/EmptyState';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { SelectField } from '../../ui/SelectField';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

const ranges = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
] as const;
type RangeValue = (typeof ranges)[number]['value'];

const count = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** `days` calendar days ending today, in `zone`: the instants to ask for and the day keys to chart. */
function rangeOf(days: number, zone: string) {
  const today = civilDateOf(Date.now(), zone);
  const first = addDays(today, -(days - 1));
  const keys = Array.from({ length: days }, (_, i) => dateKey(addDays(first, i)));
  return {
    from: new Date(startOfZonedDay(first, zone)).toISOString(),
    to: new Date(startOfZonedDay(addDays(today, 1), zone)).toISOString(),
    keys,
  };
}

export function AnalyticsPage() {
  const zone = useProfileZone();
  const [range, setRange] = useState<RangeValue>('30');
  // Recomputed only when the range or zone changes, so the query key stays put between renders.
  const { from, to, keys } = useMemo(() => rangeOf(Number(range), zone), [range, zone]);
  const report = useQuery({
    queryKey: [...analyticsKey, from, to],
    queryFn: ({ signal }) => getAnalytics(from, to, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <SectionHeader
        title="Analytics"
        description={`How visitors of your booking pages turn into meetings. Days are in your time zone (${timeZoneLabel(zone)}).`}
      />
      <SegmentedControl legend="Period" options={ranges} value={range} onChange={setRange} />
      {report.isPending ? (
        <LoadingBlock label="Loading analytics…" rows={4} />
      ) : report.isError ? (
        <LoadError what="analytics" error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div className="space-y-6" aria-busy={report.isPlaceholderData || undefined}>
          {isEmpty(report.data) ? (
            <EmptyState
              title="No activity in this period"
              description="Nobody has viewed or booked your pages yet in this period. Share a booking link and the numbers appear here (views are counted first-party, without storing IP addresses)."
            />
          ) : (
            <Report data={report.data} days={keys} rangeLabel={ranges.find((r) => r.value === range)!.label} />
          )}
        </div>
      )}
    </>
  );
}

function isEmpty(data: AnalyticsReport) {
  return (
    data.pageViews + data.slotViews + data.bookings + data.cancellations + data.reschedules + data.noShows === 0 &&
    data.byDay.every((d) => d.bookings === 0)
  );
}

function Report({ data, days, rangeLabel }: { data: AnalyticsReport; days: string[]; rangeLabel: string }) {
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
      <TypesSection byType={data.byType} />
    </>
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

function Panel({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div>
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}

function Funnel({ data }: { data: AnalyticsReport }) {
  const steps = [
    { label: 'Page views', value: data.pageViews },
    { label: 'Slot views', value: data.slotViews },
    { label: 'Bookings', value: data.bookings },
  ];
  const widest = Math.max(1, ...steps.map((s) => s.value));
  return (
    <Panel
      id="funnel-heading"
      title="Conversion funnel"
      description="Visitors are counted once per page and day. Percentages are of page views; the step figure compares with the step before."
    >
      <ol className="space-y-3">
        {steps.map((step, i) => {
          const previous = i > 0 ? steps[i - 1]!.value : undefined;
          const ofViews = data.pageViews > 0 ? step.value / data.pageViews : undefined;
          const ofPrevious = previous ? step.value / previous : undefined;
          return (
            <li key={step.label}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium text-slate-900">{step.label}</span>
                <span className="text-slate-700 tabular-nums">
                  <span className="font-semibold text-slate-900">{count.format(step.value)}</span>
                  {i > 0 && ofViews !== undefined && <> · {percent.format(ofViews)} of page views</>}
                  {i > 1 && ofPrevious !== undefined && <> · {percent.format(ofPrevious)} of slot views</>}
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-3 rounded-full bg-slate-100">
                <div
                  className="h-3 rounded-full bg-indigo-600"
                  style={{ width: `${(step.value / widest) * 100}%`, minWidth: step.value > 0 ? '0.25rem' : 0 }}
                />
              </div>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}

function BookingsChart({ byDay, days }: { byDay: AnalyticsReport['byDay']; days: string[] }) {
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
      id="per-day-heading"
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

function TypesSection({ byType }: { byType: TypeStats[] }) {
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  const [typeId, setTypeId] = useState('all');
  // Types without any activity in the period still appear, with zeros, so the filter lists every type.
  const rows = useMemo(() => {
    const known = new Map(byType.map((t) => [t.typeId, t]));
    for (const t of types.data ?? []) {
      if (!known.has(t.id))
        known.set(t.id, { typeId: t.id, title: t.title, pageViews: 0, bookings: 0, conversionRate: 0 });
    }
    return [...known.values()].sort(
      (a, b) => b.bookings - a.bookings || b.pageViews - a.pageViews || a.title.localeCompare(b.title),
    );
  }, [byType, types.data]);
  const shown = typeId === 'all' ? rows : rows.filter((r) => r.typeId === typeId);

  return (
    <Panel
      id="types-heading"
      title="By meeting type"
      description="The filter applies to this table; the totals, funnel and chart above cover all types."
    >
      <div className="max-w-xs">
        <SelectField label="Meeting type" value={typeId} onChange={(event) => setTypeId(event.target.value)}>
          <option value="all">All meeting types</option>
          {rows.map((r) => (
            <option key={r.typeId} value={r.typeId}>
              {r.title}
            </option>
          ))}
        </SelectField>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">No meeting type had views or bookings in this period.</p>
      ) : (
        <>
          {/* Phones get stacked cards; wider screens a table. */}
          <ul className="space-y-2 sm:hidden">
            {shown.map((r) => (
              <li key={r.typeId} className="rounded-lg p-3 ring-1 ring-slate-200">
                <h3 className="text-sm font-semibold break-words text-slate-900">{r.title}</h3>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                  <div>
                    <dt className="text-slate-600">Views</dt>
                    <dd className="font-semibold tabular-nums">{count.format(r.pageViews)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Bookings</dt>
                    <dd className="font-semibold tabular-nums">{count.format(r.bookings)}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-600">Conversion</dt>
                    <dd className="font-semibold tabular-nums">{percent.format(r.conversionRate)}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
          <table className="hidden w-full text-left text-sm sm:table">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Meeting type
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Page views
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Bookings
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Conversion
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((r) => (
                <tr key={r.typeId}>
                  <th scope="row" className="py-2 pr-4 font-medium break-words text-slate-900">
                    {r.title}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{count.format(r.pageViews)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{count.format(r.bookings)}</td>
                  <td className="py-2 text-right tabular-nums">{percent.format(r.conversionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}
