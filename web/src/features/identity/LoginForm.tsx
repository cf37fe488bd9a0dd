import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError, type FieldErrors } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import type { LoginInput } from './api';
import { useLogin } from './useSession';

const formFields = ['email', 'password', 'totp'] as const;
const totpPattern = /^\d{6}$/;

export function LoginForm() {
  const [, navigate] = useLocation();
  const login = useLogin();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [totpRequired, setTotpRequired] = useState(false);

  function validate(): FieldErrors {
    const fieldErrors: FieldErrors = {};
    if (email.trim() === '') fieldErrors.email = 'Enter your e-mail address.';
    if (password === '') fieldErrors.password = 'Enter your password.';
    if (totpRequired && !totpPattern.test(totp)) fieldErrors.totp = 'Enter the 6-digit code.';
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
    const credentials = { email: email.trim(), password };
    const input: LoginInput = totpRequired ? { ...credentials, totp } : credentials;
    login.mutate(input, { onSuccess: () => navigate('/dashboard'), onError: handleError });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(event) => {
          setEmail(event.target.value);
          clearField('email');
        }}
        error={errors.fields.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
          clearField('password');
        }}
        error={errors.fields.password}
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
          value={totp}
          onChange={(event) => {
            setTotp(event.target.value.replace(/\D/g, ''));
            clearField('totp');
          }}
          error={errors.fields.totp}
        />
      )}
      <Button type="submit" pending={login.isPending} className="w-full">
        Log in
      </Button>
    </form>
  );
}
