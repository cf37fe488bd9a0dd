import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TextLink } from '../../ui/TextLink';
import { useFormErrors } from '../../ui/useFormErrors';
import { resetPassword } from './accountApi';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordErrors } from './signupRules';
import { withNotice } from './pageNotice';

/** Explains a link that no longer works, with the way to a new one. */
export function DeadResetLink() {
  return (
    <div className="space-y-4">
      <Alert>
        This link does not work any more. Links work once, for one hour, and asking for a new one turns older ones off.
      </Alert>
      <p className="text-sm text-slate-700">
        <TextLink href="/forgot-password">Ask for a new link</TextLink>
      </p>
    </div>
  );
}

/** A new password, typed twice, for the token from the e-mailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [, navigate] = useLocation();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [values, setValues] = useState({ password: '', repeat: '' });
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });
  const reset = useMutation({
    mutationFn: resetPassword,
    onSuccess: () =>
      navigate(
        '/login',
        withNotice('Your password is changed, and every session of your account was logged out. Log in with it.'),
      ),
    onError: (error) => {
      if (!(error instanceof ApiError && error.code === 'reset_link_invalid')) show(toFormErrors(error, ['password']));
    },
  });

  if (reset.error instanceof ApiError && reset.error.code === 'reset_link_invalid') return <DeadResetLink />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = newPasswordErrors(values, { password: 'password', repeat: 'repeat' });
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors });
      return;
    }
    clear();
    reset.mutate({ token, password: values.password });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <NewPasswordFields password={fields.text('password')} repeat={fields.text('repeat')} />
      <Button type="submit" pending={reset.isPending} className="w-full">
        Change password
      </Button>
    </form>
  );
}
