import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import {
  changePassword,
  createApiKey,
  disableTotp,
  enableTotp,
  listApiKeys,
  revokeApiKey,
  setupTotp,
  updateProfile,
  type ApiKeySummary,
  type User,
} from '../../features/identity/api';
import { minPasswordLength } from '../../features/identity/signupRules';
import { meQueryKey, useMe } from '../../features/identity/useSession';
import { ApiError } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useFormErrors } from '../../ui/useFormErrors';
import { ConnectedAppsPanel } from './ConnectedAppsPanel';
import { LoadError, LoadingBlock } from './LoadingBlock';
import { SectionHeader } from './SectionHeader';
import { SettingsPanel } from './SettingsPanel';

export function SettingsPage() {
  const me = useMe();
  return (
    <>
      <SectionHeader title="Settings" />
      {me.data ? (
        <>
          <ProfilePanel user={me.data} />
          <ConnectedAppsPanel />
          <PasswordPanel />
          <TotpPanel enabled={me.data.totpEnabled === true} />
          <ApiKeysPanel />
        </>
      ) : (
        <LoadingBlock label="Loading your settings…" />
      )}
    </>
  );
}

function ProfilePanel({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
    onError: (error) => show(toFormErrors(error, ['name', 'timeZone'])),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim() === '') {
      show({ fields: { name: 'Enter your name.' } });
      return;
    }
    clear();
    save.mutate({ name: name.trim(), timeZone });
  }

  return (
    <SettingsPanel title="Profile" description={`Your booking pages live at ${window.location.host}/${user.username}.`}>
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.message && <Alert>{errors.message}</Alert>}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          maxLength={120}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            clearField('name');
            save.reset();
          }}
          error={errors.fields.name}
        />
        <TimeZonePicker
          label="Time zone"
          hint="Used for your dashboard and e-mails. Your availability has its own zone."
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            save.reset();
          }}
          error={errors.fields.timeZone}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={save.isPending}>
            Save profile
          </Button>
          {save.isSuccess && <Notice tone="success">Profile saved.</Notice>}
        </div>
      </form>
    </SettingsPanel>
  );
}

function PasswordPanel() {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const change = useMutation({
    mutationFn: () => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => setValues({ currentPassword: '', newPassword: '', repeat: '' }),
    onError: (error) => show(toFormErrors(error, ['currentPassword', 'newPassword'])),
  });

  function update(field: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
    change.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (values.currentPassword === '') fields.currentPassword = 'Enter your current password.';
    if (values.newPassword.length < minPasswordLength)
      fields.newPassword = `Use at least ${minPasswordLength} characters.`;
    else if (values.newPassword.length > 256) fields.newPassword = 'Use at most 256 characters.';
    if (values.repeat !== values.newPassword) fields.repeat = 'The two new passwords differ.';
    if (Object.keys(fields).length) {
      show({ fields });
      return;
    }
    clear();
    change.mutate();
  }

  return (
    <SettingsPanel title="Password" description="Changing it logs you out everywhere else.">
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.message && <Alert>{errors.message}</Alert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => update('currentPassword', event.target.value)}
          error={errors.fields.currentPassword}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${minPasswordLength} characters.`}
          value={values.newPassword}
          onChange={(event) => update('newPassword', event.target.value)}
          error={errors.fields.newPassword}
        />
        <TextField
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={values.repeat}
          onChange={(event) => update('repeat', event.target.value)}
          error={errors.fields.repeat}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={change.isPending}>
            Change password
          </Button>
          {change.isSuccess && <Notice tone="success">Password changed.</Notice>}
        </div>
      </form>
    </SettingsPanel>
  );
}

const codePattern = /^\d{6}$/;

function CodeForm({
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  variant = 'primary',
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: string | undefined;
  onSubmit: (code: string) => void;
  variant?: 'primary' | 'danger';
}) {
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!codePattern.test(code)) {
          setLocal('Enter the 6-digit code from your app.');
          return;
        }
        setLocal(undefined);
        onSubmit(code);
      }}
      className="flex flex-wrap items-start gap-3"
    >
      <div className="w-40">
        <TextField
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(event) => {
            setCode(event.target.value.replace(/\D/g, ''));
            setLocal(undefined);
          }}
          error={local ?? error}
        />
      </div>
      <Button type="submit" variant={variant} pending={pending} className="mt-7">
        {submitLabel}
      </Button>
    </form>
  );
}

function codeError(error: Error | null): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.code === 'totp_invalid') return 'That code is not valid. Try the next one.';
  return error.message;
}

function TotpPanel({ enabled }: { enabled: boolean }) {
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
    <SettingsPanel
      title="Two-factor authentication"
      description="Ask for a code from an authenticator app (such as 1Password, Aegis or Google Authenticator) when you log in."
    >
      <p className="flex items-center gap-2 text-sm">
        Status: {enabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>}
      </p>
      {enable.isSuccess && enabled && <Notice tone="success">Two-factor authentication is on.</Notice>}
      {enabled ? (
        <CodeForm
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
          {setup.isError && <Alert>Could not start the set-up. {setup.error.message}</Alert>}
          <Button variant="secondary" pending={setup.isPending} onClick={() => setup.mutate()}>
            Set up two-factor authentication
          </Button>
        </div>
      )}
    </SettingsPanel>
  );
}

/** Renders the otpauth URL as a QR code; the qrcode library is loaded only when a code is shown. */
function QrCode({ text }: { text: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { margin: 1, width: 200, errorCorrectionLevel: 'M' }))
      .then(
        (url) => live && setSrc(url),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <Alert>Could not draw the QR code. Type the key below into your app instead.</Alert>;
  if (!src) return <div aria-hidden="true" className="size-[200px] animate-pulse rounded-md bg-slate-200" />;
  return (
    <img
      src={src}
      width={200}
      height={200}
      alt="QR code for your authenticator app"
      className="rounded-md ring-1 ring-slate-200"
    />
  );
}

function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: ({ signal }) => listApiKeys(signal) });
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeApiKey(id),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

  return (
    <SettingsPanel
      title="API keys"
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
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') {
            setNameError('Name the key, e.g. after what uses it.');
            return;
          }
          create.mutate(name.trim());
        }}
        className="flex flex-wrap items-start gap-3"
      >
        <div className="min-w-0 flex-1 sm:max-w-xs">
          <TextField
            label="Key name"
            maxLength={100}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(undefined);
            }}
            error={nameError ?? (create.isError ? create.error.message : undefined)}
          />
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
    </SettingsPanel>
  );
}
