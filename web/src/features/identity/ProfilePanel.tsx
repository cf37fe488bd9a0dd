import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toFormErrors } from '../../lib/formErrors';
import { asLanguage, LANGUAGES, languageName } from '../../lib/language';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Panel } from '../../ui/Panel';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { TimeZonePicker } from '../../ui/TimeZonePicker';
import { useFormErrors } from '../../ui/useFormErrors';
import { updateProfile, type User } from './api';
import { meQueryKey } from './useSession';

/** The host's name, the time zone the dashboard and e-mails use, and the language of their e-mails. */
export function ProfilePanel({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: user.name, timeZone: user.timeZone, locale: user.locale });
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
    onError: (error) => show(toFormErrors(error, ['name', 'timeZone', 'locale'])),
  });
  const fields = bindFields({
    values,
    setValues,
    errors: errors.fields,
    clearError: clearField,
    onEdit: () => save.reset(),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.name.trim() === '') {
      show({ fields: { name: 'Enter your name.' } });
      return;
    }
    clear();
    save.mutate({ name: values.name.trim(), timeZone: values.timeZone, locale: values.locale });
  }

  return (
    <Panel
      title="Profile"
      headingId="panel-profile"
      description={`Your booking pages live at ${window.location.host}/${user.username}.`}
    >
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
        {errors.message && <Alert>{errors.message}</Alert>}
        <TextField label="Name" name="name" autoComplete="name" maxLength={120} {...fields.text('name')} />
        <TimeZonePicker
          label="Time zone"
          hint="Used for your dashboard and e-mails. Your availability has its own zone."
          {...fields.value('timeZone')}
        />
        <SelectField
          label="E-mail language"
          name="locale"
          hint="Your booking and account e-mails are written in it. Invitees get theirs in the language they booked in."
          {...fields.text('locale', { parse: (text) => asLanguage(text) ?? values.locale })}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageName(language)}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={save.isPending}>
            Save profile
          </Button>
          {save.isSuccess && <Notice tone="success">Profile saved.</Notice>}
        </div>
      </form>
    </Panel>
  );
}
