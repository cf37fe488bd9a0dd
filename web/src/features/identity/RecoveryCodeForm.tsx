import { useState, type FormEvent } from 'react';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';

interface RecoveryCodeFormProps {
  submitLabel: string;
  pending: boolean;
  /** The server's answer to the last code sent. */
  error: string | undefined;
  onSubmit: (recoveryCode: string) => void;
}

/** One field for a saved recovery code, for when the authenticator app is out of reach. */
export function RecoveryCodeForm({ submitLabel, pending, error, onSubmit }: RecoveryCodeFormProps) {
  const [values, setValues] = useState({ recoveryCode: '' });
  const [local, setLocal] = useState<string | undefined>();
  const fields = bindFields({
    values,
    setValues,
    errors: { recoveryCode: local ?? error },
    clearError: () => setLocal(undefined),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = values.recoveryCode.trim();
    if (code === '') {
      setLocal('Enter one of your recovery codes.');
      return;
    }
    setLocal(undefined);
    onSubmit(code);
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-start gap-3">
      <div className="w-full max-w-64">
        <TextField
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...fields.text('recoveryCode')}
        />
      </div>
      <Button type="submit" variant="danger" pending={pending} className="mt-7">
        {submitLabel}
      </Button>
    </form>
  );
}
