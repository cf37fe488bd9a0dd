import { useQuery } from '@tanstack/react-query';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Fact } from '../../ui/Fact';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { TableHead, type Column } from '../../ui/TableHead';
import { useProfileDateTime } from '../identity/useProfileZone';
import { isTestDelivery, listDeliveries, webhookDeliveriesKey, type WebhookDelivery } from './api';

/** The event's name, and a tag on the ones the host sent as a test. */
function EventName({ event }: { event: string }) {
  return (
    <>
      <span className="font-mono break-all">{event}</span>
      {isTestDelivery(event) && (
        <span className="ml-2 font-sans">
          <Badge tone="indigo">Test</Badge>
        </span>
      )}
    </>
  );
}

/** The wide-screen table of deliveries; phones get cards. */
const deliveryColumns: Column[] = [
  { label: 'Event', className: 'py-2 pr-3 font-medium' },
  { label: 'Status', className: 'w-28 py-2 pr-3 font-medium' },
  { label: 'Response', className: 'w-24 py-2 pr-3 font-medium' },
  { label: 'Attempts', className: 'w-20 py-2 pr-3 font-medium' },
  { label: 'When', className: 'py-2 font-medium' },
];

function DeliveryStatus({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.status === 'succeeded') return <Badge tone="green">Delivered</Badge>;
  // A test is tried once, so it did not give up after retries: it failed.
  if (delivery.status === 'dead')
    return <Badge tone="red">{isTestDelivery(delivery.event) ? 'Failed' : 'Gave up'}</Badge>;
  return <Badge tone="amber">{delivery.attempts > 0 ? 'Retrying' : 'Pending'}</Badge>;
}

function DeliveryFacts({ delivery: d }: { delivery: WebhookDelivery }) {
  const when = useProfileDateTime();
  const facts: [string, string][] = [
    ['Response', d.responseStatus === null ? 'None yet' : String(d.responseStatus)],
    ['Attempts', String(d.attempts)],
    ['Queued', when(d.createdAt)],
  ];
  if (d.deliveredAt) facts.push(['Delivered', when(d.deliveredAt)]);
  if (d.status === 'pending' && d.nextAttemptAt) facts.push(['Next try', when(d.nextAttemptAt)]);
  if (d.lastError) facts.push(['Last error', d.lastError]);
  return (
    <>
      {facts.map(([label, value]) => (
        <Fact key={label} label={label} className="min-w-0 break-words">
          {value}
        </Fact>
      ))}
    </>
  );
}

/** An endpoint's recent deliveries: cards on phones, a table on wider screens. */
export function Deliveries({ endpointId }: { endpointId: string }) {
  const when = useProfileDateTime();
  const deliveries = useQuery({
    queryKey: webhookDeliveriesKey(endpointId),
    queryFn: ({ signal }) => listDeliveries(endpointId, signal),
    // While something is still on its way, look again now and then; soon, when it has not been tried yet (a test
    // the host is waiting for).
    refetchInterval: (query) => {
      const pending = query.state.data?.filter((d) => d.status === 'pending') ?? [];
      if (pending.some((d) => d.attempts === 0)) return 1000;
      return pending.length ? 5000 : false;
    },
  });

  return (
    <section aria-label="Recent deliveries" className="space-y-2 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-semibold text-slate-900">Recent deliveries</h4>
        <Button variant="ghost" pending={deliveries.isFetching} onClick={() => deliveries.refetch()}>
          Refresh
        </Button>
      </div>
      {deliveries.isPending ? (
        <LoadingBlock label="Loading deliveries…" rows={2} />
      ) : deliveries.isError ? (
        <LoadError what="the deliveries" error={deliveries.error} onRetry={() => deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <p className="text-sm text-slate-600">No events have been sent to this endpoint yet.</p>
      ) : (
        <>
          <ul className="space-y-2 md:hidden">
            {deliveries.data.map((d) => (
              <li key={d.id} className="rounded-lg p-3 text-sm ring-1 ring-slate-200">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold">
                    <EventName event={d.event} />
                  </span>
                  <DeliveryStatus delivery={d} />
                </div>
                <dl className="mt-2 space-y-0.5">
                  <DeliveryFacts delivery={d} />
                </dl>
              </li>
            ))}
          </ul>
          <table className="hidden w-full table-fixed text-left text-sm md:table">
            <caption className="sr-only">Recent deliveries, newest first</caption>
            <TableHead columns={deliveryColumns} />
            <tbody className="divide-y divide-slate-100">
              {deliveries.data.map((d) => (
                <tr key={d.id} className="align-top">
                  <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                    <EventName event={d.event} />
                    {d.lastError && (
                      <span className="mt-1 block font-sans text-xs font-normal break-words text-red-800">
                        {d.lastError}
                      </span>
                    )}
                  </th>
                  <td className="py-2 pr-3">
                    <DeliveryStatus delivery={d} />
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{d.responseStatus ?? '—'}</td>
                  <td className="py-2 pr-3 tabular-nums">{d.attempts}</td>
                  <td className="py-2 text-slate-700">
                    Queued {when(d.createdAt)}
                    {d.deliveredAt && <span className="block">Delivered {when(d.deliveredAt)}</span>}
                    {d.status === 'pending' && d.nextAttemptAt && (
                      <span className="block">Next try {when(d.nextAttemptAt)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
