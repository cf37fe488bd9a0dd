import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError, type FieldErrors } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { TextLink } from '../../ui/TextLink';
import { useFormErrors } from '../../ui/useFormErrors';
import type { LoginInput } from './api';
import { pageState, withRecoveryCodesLeft } from './pageNotice';
import { digitsOnly, totpCodePattern } from './totpCode';
import { useLogin } from './useSession';

const formFields = ['email', 'password', 'totp', 'recoveryCode'] as const;

/** Which second factor the form asks for once the server said two-factor is on. */
type SecondFactor = 'none' | 'totp' | 'recoveryCode';

export function LoginForm() {
  const [, navigate] = useLocation();
  const login = useLogin();
  const [notice] = useState(() => pageState().notice);
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [values, setValues] = useState({ email: '', password: '', totp: '', recoveryCode: '' });
  const [factor, setFactor] = useState<SecondFactor>('none');
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });

  function validate(): FieldErrors {
    const fieldErrors: FieldErrors = {};
    if (values.email.trim() === '') fieldErrors.email = 'Enter your e-mail address.';
    if (values.password === '') fieldErrors.password = 'Enter your password.';
    if (factor === 'totp' && !totpCodePattern.test(values.totp)) fieldErrors.totp = 'Enter the 6-digit code.';
    if (factor === 'recoveryCode' && values.recoveryCode.trim() === '')
      fieldErrors.recoveryCode = 'Enter one of your recovery codes.';
    return fieldErrors;
  }

  function handleError(error: Error) {
    const code = error instanceof ApiError ? error.code : undefined;
    if (code === 'totp_required' && factor === 'none') {
      clear();
      setFactor('totp');
    } else if (code === 'totp_required') {
      show({ fields: { totp: 'Enter the 6-digit code.' } });
    } else if (code === 'invalid_credentials') {
      show({ fields: {}, message: 'Incorrect e-mail or password.' });
    } else if (code === 'recovery_code_invalid') {
      show({ fields: { recoveryCode: 'This code is not one of yours, or it was used already.' } });
    } else {
      show(toFormErrors(error, formFields));
    }
  }

  function switchFactor(next: SecondFactor) {
    clear();
    setFactor(next);
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
    const input: LoginInput =
      factor === 'totp'
        ? { ...credentials, totp: values.totp }
        : factor === 'recoveryCode'
          ? { ...credentials, recoveryCode: values.recoveryCode.trim() }
          : credentials;
    login.mutate(input, {
      onSuccess: ({ recoveryCodesLeft }) =>
        recoveryCodesLeft === undefined
          ? navigate('/dashboard')
          : navigate('/dashboard', withRecoveryCodesLeft(recoveryCodesLeft)),
      onError: handleError,
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {notice && <Notice tone="success">{notice}</Notice>}
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField label="E-mail" name="email" type="email" autoComplete="email" {...fields.text('email')} />
      <div className="space-y-2">
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          {...fields.text('password')}
        />
        <p className="text-right text-sm">
          <TextLink href="/forgot-password">Forgot password?</TextLink>
        </p>
      </div>
      {factor === 'totp' && (
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
      {factor === 'recoveryCode' && (
        <TextField
          label="Recovery code"
          name="recoveryCode"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint="One of the codes you saved when you turned two-factor authentication on. Each works once."
          autoFocus
          {...fields.text('recoveryCode')}
        />
      )}
      {factor !== 'none' && (
        <Button variant="ghost" onClick={() => switchFactor(factor === 'totp' ? 'recoveryCode' : 'totp')}>
          {factor === 'totp' ? 'Use a recovery code instead' : 'Use a code from the app instead'}
        </Button>
      )}
      <Button type="submit" pending={login.isPending} className="w-full">
        Log in
      </Button>
    </form>
  );
}
