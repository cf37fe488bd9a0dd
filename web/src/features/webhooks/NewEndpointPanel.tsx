import { useQueryClient } from '@tanstack/react-query';
import { Panel } from '../../ui/Panel';
import { createEndpoint, webhookEndpointsKey, type WebhookEvent } from './api';
import { EndpointForm } from './EndpointForm';

/** An endpoint as just created: the only time its signing secret is shown. */
export type CreatedEndpoint = Awaited<ReturnType<typeof createEndpoint>>;

const defaultEvents: WebhookEvent[] = ['booking.created', 'booking.cancelled', 'booking.rescheduled'];

export function NewEndpointPanel({ onCreated }: { onCreated: (endpoint: CreatedEndpoint) => void }) {
  const queryClient = useQueryClient();
  return (
    <Panel
      compact
      title="Add an endpoint"
      headingId="new-endpoint-heading"
      description={
        <>
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
        </>
      }
    >
      <EndpointForm
        initial={{ url: '', events: defaultEvents }}
        submitLabel="Add endpoint"
        save={createEndpoint}
        onSaved={(endpoint) => {
          void queryClient.invalidateQueries({ queryKey: webhookEndpointsKey });
          onCreated(endpoint);
        }}
      />
    </Panel>
  );
}
