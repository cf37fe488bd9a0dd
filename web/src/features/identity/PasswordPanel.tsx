import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Panel } from '../../ui/Panel';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { changePassword } from './api';
import { NewPasswordFields } from './NewPasswordFields';
import { newPasswordErrors } from './signupRules';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordPanel() {
  const [values, setValues] = useState(empty);
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const change = useMutation({
    mutationFn: () => changePassword(values.currentPassword, values.newPassword),
    onSuccess: () => setValues(empty),
    onError: (error) => show(toFormErrors(error, ['currentPassword', 'newPassword'])),
  });
  const fields = bindFields({
    values,
    setValues,
    errors: errors.fields,
    clearError: clearField,
    onEdit: () => change.reset(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors: FieldErrors = newPasswordErrors(
      { password: values.newPassword, repeat: values.repeat },
      { password: 'newPassword', repeat: 'repeat' },
    );
    if (values.currentPassword === '') fieldErrors.currentPassword = 'Enter your current password.';
    if (Object.keys(fieldErrors).length) {
      show({ fields: fieldErrors });
      return;
    }
    clear();
    change.mutate();
  }

  return (
    <Panel title="Password" headingId="panel-password" description="Changing it logs you out everywhere else.">
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.message && <Alert>{errors.message}</Alert>}
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...fields.text('currentPassword')}
        />
        <NewPasswordFields password={fields.text('newPassword')} repeat={fields.text('repeat')} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={change.isPending}>
            Change password
          </Button>
          {change.isSuccess && <Notice tone="success">Password changed.</Notice>}
        </div>
      </form>
    </Panel>
  );
}
