import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import { useProfileDateTime } from '../identity/useProfileZone';
import {
  deleteEndpoint,
  sendTestEvent,
  updateEndpoint,
  webhookDeliveriesKey,
  webhookEndpointsKey,
  webhookEvents,
  type WebhookEndpoint,
} from './api';
import { Deliveries } from './Deliveries';
import { EndpointForm } from './EndpointForm';

/** One endpoint in the list: its events, and showing its deliveries, editing, pausing and removing it. */
export function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
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
  const sendTest = useMutation({
    mutationFn: () => sendTestEvent(endpoint.id),
    onMutate: () => setNotice(null),
    onSuccess: async () => {
      // Its result shows in the deliveries, which open and refresh until it is sent.
      setOpen(true);
      await queryClient.invalidateQueries({ queryKey: webhookDeliveriesKey(endpoint.id) });
      setNotice('Test event queued. Its result appears in the deliveries below.');
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
        <Button variant="secondary" pending={sendTest.isPending} onClick={() => sendTest.mutate()}>
          Send test event<span className="sr-only"> to {endpoint.url}</span>
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
      {sendTest.isError && <Alert>Could not send a test event. {sendTest.error.message}</Alert>}
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
