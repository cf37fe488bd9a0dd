import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useFormErrors } from '../../ui/useFormErrors';
import { updateProfile, type User } from '../identity/api';
import { usernameProblem } from '../identity/signupRules';
import { UsernameField } from '../identity/UsernameField';
import { meQueryKey } from '../identity/useSession';
import { useUpdateOnboarding } from './useOnboarding';

/** Step 1: the username in every booking link and the zone the dashboard and default hours use. */
export function ProfileStep({ user, done }: { user: User; done: boolean }) {
  const queryClient = useQueryClient();
  const onboarding = useUpdateOnboarding();
  const [values, setValues] = useState({ username: user.username, timeZone: user.timeZone });
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });
  const save = useMutation({
    mutationFn: async () => {
      const patch = {
        ...(values.username !== user.username ? { username: values.username } : {}),
        ...(values.timeZone !== user.timeZone ? { timeZone: values.timeZone } : {}),
      };
      if (Object.keys(patch).length > 0) queryClient.setQueryData(meQueryKey, await updateProfile(patch));
      await onboarding.mutateAsync({ done: 'profile' });
    },
    onError: (error) => show(toFormErrors(error, ['username', 'timeZone'])),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = usernameProblem(values.username);
    if (problem) {
      show({ fields: { username: problem } });
      return;
    }
    clear();
    save.mutate();
  }

  const renamed = values.username !== user.username;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      {errors.message && <Alert>{errors.message}</Alert>}
      <UsernameField
        hint={`Your booking links start with ${window.location.host}/${values.username || '…'}.${renamed ? ' Links you shared with the old name stop working.' : ''}`}
        {...fields.text('username', { parse: (text) => text.toLowerCase() })}
      />
      <TimeZonePicker
        label="Time zone"
        hint="Your dashboard and e-mails show times in it, and so do your default hours until you change them."
        {...fields.value('timeZone')}
      />
      <Button type="submit" variant={done ? 'secondary' : 'primary'} pending={save.isPending}>
        {renamed || values.timeZone !== user.timeZone ? 'Save and continue' : 'Looks right'}
      </Button>
    </form>
  );
}
