import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Panel } from '../../ui/Panel';
import { SelectField } from '../../ui/SelectField';
import { TableHead, type Column } from '../../ui/TableHead';
import { listMeetingTypes, meetingTypesKey } from '../meetingTypes/api';
import type { TypeStats } from './api';
import { count, percent } from './numberFormats';

/** The wide-screen table by meeting type; phones get cards. */
const typeColumns: Column[] = [
  { label: 'Meeting type', className: 'py-2 pr-4 font-medium' },
  { label: 'Page views', className: 'py-2 pr-4 text-right font-medium' },
  { label: 'Bookings', className: 'py-2 pr-4 text-right font-medium' },
  { label: 'Conversion', className: 'py-2 text-right font-medium' },
];

/** Views, bookings and conversion per meeting type, filtered to one type if wanted. */
export function TypesTable({ byType }: { byType: TypeStats[] }) {
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
      compact
      headingId="types-heading"
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
            <TableHead columns={typeColumns} />
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
