import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  updateEndpoint,
  webhookDeliveriesKey,
  webhookEndpointsKey,
  webhookEvents,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../../features/webhooks/api';
import { useProfileDateTime, useProfileZone } from '../../features/identity/useProfileZone';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Notice } from '../../ui/Notice';
import { TimesInZone } from '../../ui/TimesInZone';
import { EndpointForm } from '../../features/webhooks/EndpointForm';
import { SectionHeader } from './SectionHeader';

export function WebhooksPage() {
  const zone = useProfileZone();
  const endpoints = useQuery({ queryKey: webhookEndpointsKey, queryFn: ({ signal }) => listEndpoints(signal) });
  const [created, setCreated] = useState<(WebhookEndpoint & { secret: string }) | null>(null);

  return (
    <>
      <SectionHeader
        title="Webhooks"
        description="Send bookings, cancellations, reschedules and reminders to your own endpoints as signed JSON POST requests."
      />
      <TimesInZone zone={zone} />
      {created ? (
        <SecretPanel endpoint={created} onDone={() => setCreated(null)} />
      ) : (
        <NewEndpointForm onCreated={setCreated} />
      )}
      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-lg font-semibold tracking-tight text-slate-900">
          Your endpoints
        </h2>
        {endpoints.isPending ? (
          <LoadingBlock label="Loading your endpoints…" rows={2} />
        ) : endpoints.isError ? (
          <LoadError what="your endpoints" error={endpoints.error} onRetry={() => endpoints.refetch()} />
        ) : endpoints.data.length === 0 ? (
          <EmptyState
            title="No endpoints yet"
            description="Add the URL of a service that should hear about your bookings. Each event is retried with back-off for about a day until your endpoint answers with a 2xx status."
          />
        ) : (
          <ul className="space-y-3">
            {endpoints.data.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const defaultEvents: WebhookEvent[] = ['booking.created', 'booking.cancelled', 'booking.rescheduled'];

function NewEndpointForm({ onCreated }: { onCreated: (endpoint: WebhookEndpoint & { secret: string }) => void }) {
  const queryClient = useQueryClient();
  return (
    <section
      aria-labelledby="new-endpoint-heading"
      className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <div>
        <h2 id="new-endpoint-heading" className="text-base font-semibold text-slate-900">
          Add an endpoint
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Requests carry <code className="text-xs">webhook-id</code>, <code className="text-xs">webhook-timestamp</code>{' '}
          and <code className="text-xs">webhook-signature</code> headers: receivers verify them with any{' '}
          <a
            href="https://www.standardwebhooks.com/"
            className="rounded-sm text-indigo-700 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            rel="noreferrer"
            target="_blank"
          >
            Standard Webhooks
          </a>{' '}
          library and the endpoint's secret.
        </p>
      </div>
      <EndpointForm
        initial={{ url: '', events: defaultEvents }}
        submitLabel="Add endpoint"
        save={createEndpoint}
        onSaved={(endpoint) => {
          void queryClient.invalidateQueries({ queryKey: webhookEndpointsKey });
          onCreated(endpoint);
        }}
      />
    </section>
  );
}

function SecretPanel({ endpoint, onDone }: { endpoint: WebhookEndpoint & { secret: string }; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      aria-labelledby="secret-heading"
      className="space-y-4 rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-6"
    >
      <div>
        <h2
          id="secret-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold text-amber-950 outline-none"
        >
          Endpoint added: copy its signing secret now
        </h2>
        <p className="mt-1 text-sm break-all text-amber-950">{endpoint.url}</p>
      </div>
      <p className="text-sm font-medium text-amber-950">
        You won't see this secret again. Store it with the receiving service; if you lose it, remove the endpoint and
        add it anew.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label="Signing secret"
          data-testid="webhook-secret"
          className="min-w-0 flex-1 basis-64 rounded-md bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 ring-1 ring-amber-300"
        >
          {endpoint.secret}
        </code>
        <CopyButton text={endpoint.secret} label="Copy secret" />
      </div>
      <p className="text-sm text-amber-950">
        The receiver checks each request's <code className="text-xs">webhook-signature</code> header against this
        secret, as the Standard Webhooks specification describes, and should reject requests that fail or whose
        timestamp is more than a few minutes old.
      </p>
      <Button variant="secondary" onClick={onDone}>
        I have stored the secret
      </Button>
    </section>
  );
}

function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const queryClient = useQueryClient();
  const when = useProfileDateTime();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhookEndpointsKey });
  const toggleActive = useMutation({
    mutationFn: (isActive: boolean) => updateEndpoint(endpoint.id, { isActive }),
    onMutate: () => setNotice(null),
    // Awaiting the refetch keeps the button pending until its label and the badge show the new state.
    onSuccess: async (_, isActive) => {
      await refresh();
      setNotice(isActive ? 'Deliveries resumed.' : 'Deliveries paused. Events that happen meanwhile are not sent.');
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteEndpoint(endpoint.id),
    onSuccess: () => {
      setConfirming(false);
      void refresh();
    },
  });
  const panelId = `deliveries-${endpoint.id}`;

  return (
    <li className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-mono text-sm font-semibold break-all text-slate-900">{endpoint.url}</h3>
          <p className="mt-1 text-xs text-slate-600">Added {when(endpoint.createdAt)}</p>
        </div>
        {endpoint.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Paused</Badge>}
      </div>
      <ul aria-label="Events" className="flex flex-wrap gap-1">
        {endpoint.events.map((e) => (
          <li key={e}>
            <Badge tone="indigo">{e}</Badge>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide deliveries' : 'Show deliveries'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setNotice(null);
            setEditing(true);
          }}
        >
          Edit<span className="sr-only"> endpoint {endpoint.url}</span>
        </Button>
        <Button
          variant="secondary"
          pending={toggleActive.isPending}
          onClick={() => toggleActive.mutate(!endpoint.isActive)}
        >
          {endpoint.isActive ? 'Pause' : 'Resume'}
          <span className="sr-only"> deliveries to {endpoint.url}</span>
        </Button>
        <Button variant="secondaryDanger" onClick={() => setConfirming(true)}>
          Remove<span className="sr-only"> endpoint {endpoint.url}</span>
        </Button>
      </div>
      {toggleActive.isError && (
        <Alert>
          Could not {toggleActive.variables ? 'resume' : 'pause'} deliveries. {toggleActive.error.message}
        </Alert>
      )}
      {notice && <Notice tone="success">{notice}</Notice>}
      <div id={panelId} hidden={!open}>
        {open && <Deliveries endpointId={endpoint.id} />}
      </div>
      <Dialog open={editing} title="Edit endpoint" onClose={() => setEditing(false)}>
        <p className="text-sm text-slate-700">The signing secret stays the same.</p>
        <EndpointForm
          initial={{
            url: endpoint.url,
            events: webhookEvents.map((e) => e.id).filter((id) => endpoint.events.includes(id)),
          }}
          submitLabel="Save changes"
          save={(input) => updateEndpoint(endpoint.id, input)}
          onSaved={async () => {
            await refresh();
            setEditing(false);
            setNotice('Endpoint saved.');
          }}
          onCancel={() => setEditing(false)}
        />
      </Dialog>
      <Dialog open={confirming} title="Remove this endpoint?" onClose={() => setConfirming(false)}>
        <p className="text-sm break-all text-slate-700">
          {endpoint.url} stops receiving events at once. Deliveries still waiting for a retry are dropped.
        </p>
        {remove.isError && <Alert>Could not remove it. {remove.error.message}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button variant="danger" pending={remove.isPending} onClick={() => remove.mutate()}>
            Remove endpoint
          </Button>
        </div>
      </Dialog>
    </li>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.status === 'succeeded') return <Badge tone="green">Delivered</Badge>;
  if (delivery.status === 'dead') return <Badge tone="red">Gave up</Badge>;
  return <Badge tone="amber">{delivery.attempts > 0 ? 'Retrying' : 'Pending'}</Badge>;
}

function Deliveries({ endpointId }: { endpointId: string }) {
  const when = useProfileDateTime();
  const deliveries = useQuery({
    queryKey: webhookDeliveriesKey(endpointId),
    queryFn: ({ signal }) => listDeliveries(endpointId, signal),
    // While something is still on its way, look again now and then.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 5000 : false),
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
                  <span className="font-mono font-semibold break-all">{d.event}</span>
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
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Event
                </th>
                <th scope="col" className="w-28 py-2 pr-3 font-medium">
                  Status
                </th>
                <th scope="col" className="w-24 py-2 pr-3 font-medium">
                  Response
                </th>
                <th scope="col" className="w-20 py-2 pr-3 font-medium">
                  Attempts
                </th>
                <th scope="col" className="py-2 font-medium">
                  When
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.data.map((d) => (
                <tr key={d.id} className="align-top">
                  <th scope="row" className="py-2 pr-3 font-mono font-medium break-all text-slate-900">
                    {d.event}
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
        <div key={label} className="flex flex-wrap gap-x-2">
          <dt className="text-slate-600">{label}:</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </>
  );
}
