import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { listEndpoints, webhookEndpointsKey } from '../../features/webhooks/api';
import { EndpointCard } from '../../features/webhooks/EndpointCard';
import { NewEndpointPanel, type CreatedEndpoint } from '../../features/webhooks/NewEndpointPanel';
import { SecretPanel } from '../../features/webhooks/SecretPanel';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { TimesInZone } from '../../ui/TimesInZone';
import { SectionHeader } from './SectionHeader';

export function WebhooksPage() {
  const zone = useProfileZone();
  const endpoints = useQuery({ queryKey: webhookEndpointsKey, queryFn: ({ signal }) => listEndpoints(signal) });
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);

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
        <NewEndpointPanel onCreated={setCreated} />
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
