import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { recoveryCodesLeft, recoveryCodesLeftKey, regenerateRecoveryCodes } from './accountApi';
import { RecoveryCodesList } from './RecoveryCodesList';
import { CodeForm } from './CodeForm';
import { codeError } from './totpErrors';

/** A few left is the moment to make new ones, before the last is gone. */
const FEW = 3;

/** How many recovery codes are left, and a new set of ten for a current code from the app. */
export function RecoveryCodesManager() {
  const queryClient = useQueryClient();
  const left = useQuery({ queryKey: recoveryCodesLeftKey, queryFn: ({ signal }) => recoveryCodesLeft(signal) });
  const [asking, setAsking] = useState(false);
  const regenerate = useMutation({
    mutationFn: regenerateRecoveryCodes,
    onSuccess: (codes) => {
      setAsking(false);
      queryClient.setQueryData(recoveryCodesLeftKey, codes.length);
    },
  });

  if (regenerate.data) return <RecoveryCodesList codes={regenerate.data} onSaved={() => regenerate.reset()} />;
  const count = left.data;
  return (
    <div className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">Recovery codes</h3>
      {count !== undefined && (
        <p className="text-sm text-slate-700">
          {count === 1 ? '1 unused recovery code left.' : `${count} unused recovery codes left.`}
        </p>
      )}
      {count !== undefined && count <= FEW && (
        <Notice tone="warning">
          {count === 0 ? 'You have no recovery codes left.' : 'You are running out of recovery codes.'} Make new ones so
          a lost phone cannot lock you out.
        </Notice>
      )}
      {asking ? (
        <CodeForm
          label="Code from your app"
          submitLabel="Make new codes"
          pending={regenerate.isPending}
          error={codeError(regenerate.error)}
          onSubmit={(code) => regenerate.mutate(code)}
        />
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          Make new codes
        </Button>
      )}
      <p className="text-xs text-slate-600">New codes replace all the old ones, used or not.</p>
    </div>
  );
}
