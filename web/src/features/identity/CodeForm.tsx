import { useState, type FormEvent } from 'react';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { digitsOnly, totpCodePattern } from './totpCode';

interface CodeFormProps {
  /** totp: six digits from the authenticator app; recovery: one of the saved recovery codes. */
  kind?: 'totp' | 'recovery';
  label: string;
  submitLabel: string;
  pending: boolean;
  /** The server's answer to the last code sent. */
  error: string | undefined;
  onSubmit: (code: string) => void;
  variant?: 'primary' | 'danger';
}

const kinds = {
  totp: {
    width: 'w-40',
    missing: 'Enter the 6-digit code from your app.',
    valid: (code: string) => totpCodePattern.test(code),
    input: { inputMode: 'numeric', autoComplete: 'one-time-code', maxLength: 6 },
    parse: digitsOnly,
  },
  recovery: {
    width: 'w-full max-w-64',
    missing: 'Enter one of your recovery codes.',
    valid: (code: string) => code !== '',
    input: { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false },
    parse: (text: string) => text.trim(),
  },
} as const;

/** One field for a code that proves the second factor, checked here before it is sent. */
export function CodeForm({
  kind = 'totp',
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  variant = 'primary',
}: CodeFormProps) {
  const rules = kinds[kind];
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
    if (!rules.valid(values.code)) {
      setLocal(rules.missing);
      return;
    }
    setLocal(undefined);
    onSubmit(values.code);
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-start gap-3">
      <div className={rules.width}>
        <TextField label={label} {...rules.input} {...fields.text('code', { parse: rules.parse })} />
      </div>
      <Button type="submit" variant={variant} pending={pending} className="mt-7">
        {submitLabel}
      </Button>
    </form>
  );
}
