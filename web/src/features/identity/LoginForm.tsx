import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError, type FieldErrors } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import type { LoginInput } from './api';
import { digitsOnly, totpCodePattern } from './totpCode';
import { useLogin } from './useSession';

const formFields = ['email', 'password', 'totp'] as const;

export function LoginForm() {
  const [, navigate] = useLocation();
  const login = useLogin();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [values, setValues] = useState({ email: '', password: '', totp: '' });
  const [totpRequired, setTotpRequired] = useState(false);
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });

  function validate(): FieldErrors {
    const fieldErrors: FieldErrors = {};
    if (values.email.trim() === '') fieldErrors.email = 'Enter your e-mail address.';
    if (values.password === '') fieldErrors.password = 'Enter your password.';
    if (totpRequired && !totpCodePattern.test(values.totp)) fieldErrors.totp = 'Enter the 6-digit code.';
    return fieldErrors;
  }

  function handleError(error: Error) {
    const code = error instanceof ApiError ? error.code : undefined;
    if (code === 'totp_required' && !totpRequired) {
      clear();
      setTotpRequired(true);
    } else if (code === 'totp_required') {
      show({ fields: { totp: 'Enter the 6-digit code.' } });
    } else if (code === 'invalid_credentials') {
      show({ fields: {}, message: 'Incorrect e-mail or password.' });
    } else {
      show(toFormErrors(error, formFields));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validate();
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors });
      return;
    }

    clear();
    const credentials = { email: values.email.trim(), password: values.password };
    const input: LoginInput = totpRequired ? { ...credentials, totp: values.totp } : credentials;
    login.mutate(input, { onSuccess: () => navigate('/dashboard'), onError: handleError });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField label="E-mail" name="email" type="email" autoComplete="email" {...fields.text('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        {...fields.text('password')}
      />
      {totpRequired && (
        <TextField
          label="Authentication code"
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          hint="Two-factor authentication is on. Enter the 6-digit code from your authenticator app."
          // The field appears in answer to the user's own submit, so moving focus to it is expected.
          autoFocus
          {...fields.text('totp', { parse: digitsOnly })}
        />
      )}
      <Button type="submit" pending={login.isPending} className="w-full">
        Log in
      </Button>
    </form>
  );
}
