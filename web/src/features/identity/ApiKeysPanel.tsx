import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Panel } from '../../ui/Panel';
import { TextField } from '../../ui/TextField';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeySummary } from './api';

const apiKeysKey = ['api-keys'];

/** The host's API keys: create one (its secret shown once), see when each was last used, revoke one. */
export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => listApiKeys(signal) });
  const [values, setValues] = useState({ name: '' });
  const [nameError, setNameError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: () => {
      setValues({ name: '' });
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: apiKeysKey });
    },
  });
  const fields = bindFields({
    values,
    setValues,
    errors: { name: nameError ?? (create.isError ? create.error.message : undefined) },
    clearError: () => setNameError(undefined),
  });
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.name.trim() === '') {
      setNameError('Name the key, e.g. after what uses it.');
      return;
    }
    create.mutate(values.name.trim());
  }

  return (
    <Panel
      title="API keys"
      headingId="panel-api-keys"
      description="Let scripts and other apps use the API as you: send the key as “Authorization: Bearer …”."
    >
      {create.data && (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p role="status" className="text-sm font-medium text-emerald-900">
            Your new key “{create.data.name}”. Copy it now: it is shown only this once.
          </p>
          <code className="block rounded bg-white px-2 py-1.5 text-sm break-all ring-1 ring-emerald-200">
            {create.data.key}
          </code>
          <CopyButton text={create.data.key} label="Copy key" />
        </div>
      )}
      <form noValidate onSubmit={submit} className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <TextField label="Key name" maxLength={100} {...fields.text('name')} />
        </div>
        <Button type="submit" pending={create.isPending} className="mt-7">
          Create key
        </Button>
      </form>
      {keys.isPending ? (
        <LoadingBlock label="Loading API keys…" rows={1} />
      ) : keys.isError ? (
        <LoadError what="your API keys" error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <p className="text-sm text-slate-600 italic">No API keys.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {keys.data.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">{key.name}</p>
                <p className="text-slate-600">
                  <code>{key.prefix}…</code> · created {dateFormat.format(Date.parse(key.createdAt))} ·{' '}
                  {key.lastUsedAt ? `last used ${dateFormat.format(Date.parse(key.lastUsedAt))}` : 'never used'}
                </p>
              </div>
              <Button variant="secondaryDanger" onClick={() => setRevoking(key)}>
                Revoke<span className="sr-only"> {key.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={revoking !== null} title={`Revoke “${revoking?.name ?? ''}”?`} onClose={() => setRevoking(null)}>
        <p className="text-sm text-slate-700">Anything using this key stops working at once.</p>
        {revoke.isError && <Alert>Could not revoke. {revoke.error.message}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setRevoking(null)}>
            Keep it
          </Button>
          <Button variant="danger" pending={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
            Revoke
          </Button>
        </div>
      </Dialog>
    </Panel>
  );
}
