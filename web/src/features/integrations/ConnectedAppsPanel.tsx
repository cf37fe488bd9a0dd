import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import {
  disconnectIntegration,
  integrationProviders,
  integrationsKey,
  listIntegrations,
  startConnecting,
  type Integration,
  type IntegrationProvider,
} from './api';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Panel } from '../../ui/Panel';

/** Also the #fragment that links from the meeting type editor and the bookings list point at. */
const panelId = 'connected-apps';

const providerCopy: Record<IntegrationProvider, { name: string; description: string; envPrefix: string }> = {
  zoom: { name: 'Zoom', description: 'Create a Zoom meeting for each booking.', envPrefix: 'ZOOM' },
  google: {
    name: 'Google Meet',
    description: 'Create a Google Meet link (via your Google Calendar) for each booking.',
    envPrefix: 'GOOGLE',
  },
  microsoft: {
    name: 'Microsoft Teams',
    description: 'Create a Teams meeting for each booking.',
    envPrefix: 'MICROSOFT',
  },
};

export function ConnectedAppsPanel() {
  const queryClient = useQueryClient();
  const integrations = useQuery({ queryKey: integrationsKey, queryFn: ({ signal }) => listIntegrations(signal) });
  const oauthResult = useOAuthResult();
  const [disconnecting, setDisconnecting] = useState<Integration | null>(null);
  const disconnect = useMutation({
    mutationFn: (integration: Integration) => disconnectIntegration(integration.provider),
    onSuccess: () => {
      setDisconnecting(null);
      void queryClient.invalidateQueries({ queryKey: integrationsKey });
    },
  });

  useEffect(() => {
    // The panel appears after the page has loaded, too late for the browser's own jump to the fragment; a
    // host coming back from a provider's consent page should see the outcome without scrolling for it.
    if (oauthResult || window.location.hash === `#${panelId}`) document.getElementById(panelId)?.scrollIntoView();
  }, [oauthResult]);

  return (
    <Panel
      id={panelId}
      headingId="panel-connected-apps"
      title="Connected apps"
      description="Give every booking its own video meeting from your Zoom, Google or Microsoft account."
    >
      {disconnect.isSuccess ? (
        <Notice tone="success">{disconnect.variables.label} is disconnected.</Notice>
      ) : (
        oauthResult && <OAuthResultMessage result={oauthResult} />
      )}
      {integrations.isPending ? (
        <LoadingBlock label="Loading your connected apps…" rows={3} />
      ) : integrations.isError ? (
        <LoadError what="your connected apps" error={integrations.error} onRetry={() => integrations.refetch()} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {integrations.data.map((integration) => (
            <IntegrationRow
              key={integration.provider}
              integration={integration}
              onDisconnect={() => {
                disconnect.reset();
                setDisconnecting(integration);
              }}
            />
          ))}
        </ul>
      )}
      <Dialog
        open={disconnecting !== null}
        title={`Disconnect ${disconnecting?.label ?? ''}?`}
        onClose={() => setDisconnecting(null)}
      >
        {disconnecting && (
          <>
            <p className="text-sm text-slate-700">
              New bookings of meeting types that use {disconnecting.label} will have no {disconnecting.label} link until
              you connect again.
            </p>
            {disconnect.isError && <Alert>Could not disconnect. {disconnect.error.message}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => setDisconnecting(null)}>
                Keep it connected
              </Button>
              <Button variant="danger" pending={disconnect.isPending} onClick={() => disconnect.mutate(disconnecting)}>
                Disconnect
              </Button>
            </div>
          </>
        )}
      </Dialog>
    </Panel>
  );
}

function IntegrationRow({ integration, onDisconnect }: { integration: Integration; onDisconnect: () => void }) {
  const { provider, label, configured, connected } = integration;
  const notSetUpId = useId();
  const connect = useMutation({
    mutationFn: () => startConnecting(provider),
    onSuccess: (url) => {
      window.location.href = url;
    },
  });
  // Still "opening" after success: the browser is on its way to the provider's consent page.
  const opening = connect.isPending || connect.isSuccess;
  const needsReauth = connected && integration.status === 'needs_reauth';
  const { description, envPrefix } = providerCopy[provider];

  return (
    <li className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-[1_1_15rem] space-y-1 text-sm">
          <h3 className="font-semibold text-slate-900">{label}</h3>
          <p className="text-slate-600">{description}</p>
          <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 pt-1">
            <StatusBadge integration={integration} />
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {(!connected || needsReauth) && (
            <Button
              variant={needsReauth ? 'primary' : 'secondary'}
              pending={opening}
              disabled={!configured}
              aria-describedby={configured ? undefined : notSetUpId}
              onClick={() => connect.mutate()}
            >
              {opening ? (
                `Opening ${label}…`
              ) : (
                <>
                  {needsReauth ? 'Reconnect' : 'Connect'}
                  <span className="sr-only"> {label}</span>
                </>
              )}
            </Button>
          )}
          {connected && (
            <Button variant="secondaryDanger" onClick={onDisconnect}>
              Disconnect<span className="sr-only"> {label}</span>
            </Button>
          )}
        </div>
      </div>
      {integration.lastError && <p className="text-sm break-words text-red-700">Last error: {integration.lastError}</p>}
      {!configured && (
        <p id={notSetUpId} className="text-sm text-slate-600">
          Your administrator has not set <code>{envPrefix}_CLIENT_ID</code> and <code>{envPrefix}_CLIENT_SECRET</code>.
        </p>
      )}
      {connect.isError && (
        <Alert>
          Could not open {label}. {connect.error.message}
        </Alert>
      )}
    </li>
  );
}

function StatusBadge({ integration }: { integration: Integration }) {
  if (integration.connected && integration.status === 'needs_reauth')
    return <Badge tone="amber">Needs reconnecting</Badge>;
  if (integration.connected) {
    return (
      <>
        <Badge tone="green">Connected</Badge>
        {/* Outside the badge, which cannot wrap a long address on a phone. */}
        {integration.accountEmail && <span className="break-all text-slate-700">as {integration.accountEmail}</span>}
      </>
    );
  }
  if (!integration.configured) return <Badge>Not set up on this server</Badge>;
  return <Badge>Not connected</Badge>;
}

type OAuthResult = { provider: IntegrationProvider; connected: boolean; message: string | null };

function readOAuthResult(search: string): OAuthResult | null {
  const params = new URLSearchParams(search);
  const provider = integrationProviders.find((p) => p === params.get('integration'));
  const result = params.get('result');
  if (!provider || (result !== 'connected' && result !== 'error')) return null;
  return { provider, connected: result === 'connected', message: params.get('message') };
}

/**
 * The outcome the server put into the URL when the provider sent the host back. Read once, then taken out of
 * the address, so reloading the page does not announce it again.
 */
function useOAuthResult(): OAuthResult | null {
  const [result] = useState(() => readOAuthResult(window.location.search));
  useEffect(() => {
    if (!result) return;
    const url = new URL(window.location.href);
    for (const name of ['integration', 'result', 'message']) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, [result]);
  return result;
}

function OAuthResultMessage({ result }: { result: OAuthResult }) {
  const { name } = providerCopy[result.provider];
  if (result.connected) return <Notice tone="success">{name} is connected.</Notice>;
  return (
    <Alert>
      Could not connect {name}.{result.message && ` ${result.message}`}
    </Alert>
  );
}
