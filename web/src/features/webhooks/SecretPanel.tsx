import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import type { CreatedEndpoint } from './NewEndpointPanel';

/** Shows a new endpoint's signing secret once, and takes focus so it is not missed. */
export function SecretPanel({ endpoint, onDone }: { endpoint: CreatedEndpoint; onDone: () => void }) {
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
