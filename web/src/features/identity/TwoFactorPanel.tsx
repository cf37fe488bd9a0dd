import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Panel } from '../../ui/Panel';
import { recoveryCodesLeftKey } from './accountApi';
import { disableTotp, enableTotp, setupTotp } from './api';
import { CodeForm } from './CodeForm';
import { QrCode } from './QrCode';
import { RecoveryCodesList } from './RecoveryCodesList';
import { RecoveryCodesManager } from './RecoveryCodesManager';
import { codeError } from './totpErrors';
import { meQueryKey } from './useSession';

/**
 * Turns two-factor authentication on (set-up with a QR code, then a first code, then the recovery codes shown
 * once) or off (with a code, or a recovery code when the phone is lost), and keeps the recovery codes.
 */
export function TwoFactorPanel({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: meQueryKey });
  const [lostDevice, setLostDevice] = useState(false);
  const setup = useMutation({ mutationFn: setupTotp });
  const enable = useMutation({
    mutationFn: enableTotp,
    onSuccess: (codes) => {
      setup.reset();
      queryClient.setQueryData(recoveryCodesLeftKey, codes.length);
      void refreshMe();
    },
  });
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: () => {
      setLostDevice(false);
      queryClient.removeQueries({ queryKey: recoveryCodesLeftKey });
      void refreshMe();
    },
  });

  return (
    <Panel
      title="Two-factor authentication"
      headingId="panel-two-factor-authentication"
      description="Ask for a code from an authenticator app (such as 1Password, Aegis or Google Authenticator) when you log in."
    >
      <p className="flex items-center gap-2 text-sm">
        Status: {enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
      </p>
      {enable.data ? (
        <>
          <Notice tone="success">Two-factor authentication is on.</Notice>
          <RecoveryCodesList codes={enable.data} onSaved={() => enable.reset()} />
        </>
      ) : enabled ? (
        <>
          <RecoveryCodesManager />
          <div className="space-y-3 border-t border-slate-200 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Turn it off</h3>
            <CodeForm
              // A new form for the other kind of code, so nothing typed for one is sent as the other.
              key={lostDevice ? 'recovery' : 'totp'}
              kind={lostDevice ? 'recovery' : 'totp'}
              label={lostDevice ? 'Recovery code' : 'Code to turn it off'}
              submitLabel="Turn off"
              variant="danger"
              pending={disable.isPending}
              error={codeError(disable.error)}
              onSubmit={(code) => disable.mutate(lostDevice ? { recoveryCode: code } : { code })}
            />
            <Button
              variant="ghost"
              onClick={() => {
                disable.reset();
                setLostDevice((lost) => !lost);
              }}
            >
              {lostDevice ? 'Use a code from the app instead' : 'Lost your phone? Use a recovery code'}
            </Button>
          </div>
        </>
      ) : setup.data ? (
        <div className="space-y-4">
          <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
            <li>Scan this QR code with your authenticator app, or type the key below into it.</li>
            <li>Enter the 6-digit code the app shows.</li>
          </ol>
          <QrCode text={setup.data.otpauthUrl} />
          <p className="text-sm">
            Key: <code className="rounded bg-slate-100 px-1.5 py-0.5 break-all">{setup.data.secret}</code>
          </p>
          <CodeForm
            label="6-digit code"
            submitLabel="Turn on"
            pending={enable.isPending}
            error={codeError(enable.error)}
            onSubmit={(code) => enable.mutate(code)}
          />
        </div>
      ) : (
        <div className="space-y-3">
          {disable.isSuccess && <Notice tone="success">Two-factor authentication is off.</Notice>}
          {setup.isError && <Alert>Could not start the set-up. {setup.error.message}</Alert>}
          <Button variant="secondary" pending={setup.isPending} onClick={() => setup.mutate()}>
            Set up two-factor authentication
          </Button>
        </div>
      )}
    </Panel>
  );
}
