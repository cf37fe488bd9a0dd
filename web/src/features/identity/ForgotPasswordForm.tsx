import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { emailSchema } from '../../../../src/modules/identity/users.rules';
import { toFormErrors } from '../../lib/formErrors';
import { firstIssue } from '../../lib/serverRules';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { requestPasswordReset } from './accountApi';

/**
 * Asks for a password link. What follows reads the same whether or not the address has an account: the
 * server answers alike, and so does this form.
 */
export function ForgotPasswordForm() {
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [values, setValues] = useState({ email: '' });
  const request = useMutation({
    mutationFn: requestPasswordReset,
    onError: (error) => show(toFormErrors(error, ['email'])),
  });
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = values.email.trim();
    if (firstIssue(emailSchema, email)) {
      show({ fields: { email: 'Enter an e-mail address, like name@example.com.' } });
      return;
    }
    clear();
    request.mutate(email);
  }

  if (request.isSuccess)
    return (
      <div className="space-y-4">
        <Notice tone="success">
          If an account uses {request.variables}, we sent it a link to choose a new password. The link works for one
          hour.
        </Notice>
        <p className="text-sm text-slate-700">
          Nothing after a few minutes? Look in your spam folder, check the address, or ask for another link.
        </p>
        <Button variant="secondary" onClick={() => request.reset()}>
          Use another address
        </Button>
      </div>
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <p className="text-sm text-slate-700">Enter the address you log in with. We will e-mail you a link.</p>
      <TextField label="E-mail" name="email" type="email" autoComplete="email" {...fields.text('email')} />
      <Button type="submit" pending={request.isPending} className="w-full">
        Send the link
      </Button>
    </form>
  );
}
