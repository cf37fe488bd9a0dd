import { useState, type FormEvent } from 'react';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { digitsOnly, totpCodePattern } from './totpCode';

interface TotpCodeFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  /** The server's answer to the last code sent. */
  error: string | undefined;
  onSubmit: (code: string) => void;
  variant?: 'primary' | 'danger';
}

/** One field for a 6-digit code from the authenticator app, checked here before it is sent. */
export function TotpCodeForm({ label, submitLabel, pending, error, onSubmit, variant = 'primary' }: TotpCodeFormProps) {
  const [values, setValues] = useState({ code: '' });
  const [local, setLocal] = useState<string | undefined>();
  const fields = bindFields({
    values,
    setValues,
    errors: { code: local ?? error },
    clearError: () => setLocal(undefined),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!totpCodePattern.test(values.code)) {
      setLocal('Enter the 6-digit code from your app.');
      return;
    }
    setLocal(undefined);
    onSubmit(values.code);
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-start gap-3">
      <div className="w-40">
        <TextField
          label={label}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          {...fields.text('code', { parse: digitsOnly })}
        />
      </div>
      <Button type="submit" variant={variant} pending={pending} className="mt-7">
        {submitLabel}
      </Button>
    </form>
  );
}
