import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Panel } from '../../ui/Panel';
import { disableTotp, enableTotp, setupTotp } from './api';
import { QrCode } from './QrCode';
import { TotpCodeForm } from './TotpCodeForm';
import { meQueryKey } from './useSession';

function codeError(error: Error | null): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.code === 'totp_invalid') return 'That code is not valid. Try the next one.';
  return error.message;
}

/** Turns two-factor authentication on (set-up with a QR code, then a first code) or off (with a code). */
export function TwoFactorPanel({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: meQueryKey });
  const setup = useMutation({ mutationFn: setupTotp });
  const enable = useMutation({
    mutationFn: enableTotp,
    onSuccess: () => {
      setup.reset();
      void refreshMe();
    },
  });
  const disable = useMutation({ mutationFn: disableTotp, onSuccess: () => void refreshMe() });

  return (
    <Panel
      title="Two-factor authentication"
      headingId="panel-two-factor-authentication"
      description="Ask for a code from an authenticator app (such as 1Password, Aegis or Google Authenticator) when you log in."
    >
      <p className="flex items-center gap-2 text-sm">
        Status: {enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
      </p>
      {enable.isSuccess && enabled && <Notice tone="success">Two-factor authentication is on.</Notice>}
      {enabled ? (
        <TotpCodeForm
          label="Code to turn it off"
          submitLabel="Turn off"
          variant="danger"
          pending={disable.isPending}
          error={codeError(disable.error)}
          onSubmit={(code) => disable.mutate(code)}
        />
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
          <TotpCodeForm
            label="6-digit code"
            submitLabel="Turn on"
            pending={enable.isPending}
            error={codeError(enable.error)}
            onSubmit={(code) => enable.mutate(code)}
          />
        </div>
      ) : (
        <div className="space-y-3">
          {setup.isError && <Alert>Could not start the set-up. {setup.error.message}</Alert>}
          <Button variant="secondary" pending={setup.isPending} onClick={() => setup.mutate()}>
            Set up two-factor authentication
          </Button>
        </div>
      )}
    </Panel>
  );
}
