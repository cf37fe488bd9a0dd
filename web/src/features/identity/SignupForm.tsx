import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { toFormErrors } from '../../lib/formErrors';
import { detectTimeZone, listTimeZones, timeZoneLabel } from '../../lib/timeZones';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import type { SignupInput } from './api';
import { minPasswordLength, validateSignup } from './signupRules';
import { UsernameField } from './UsernameField';
import { useSignup } from './useSession';

const formFields = ['email', 'password', 'name', 'username', 'timeZone'] as const;

interface SignupFormProps {
  /** The token of an invitation link, for SIGNUP=invite. */
  invite?: string | undefined;
  /** With verification required, the server answers alike for every address and mails the next step. */
  onCheckInbox: (email: string) => void;
}

export function SignupForm({ invite, onCheckInbox }: SignupFormProps) {
  const [, navigate] = useLocation();
  const signup = useSignup();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [values, setValues] = useState<SignupInput>(() => ({
    email: '',
    password: '',
    name: '',
    username: '',
    timeZone: detectTimeZone(),
  }));
  const [timeZones] = useState(() => listTimeZones(values.timeZone));
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { ...values, email: values.email.trim(), name: values.name.trim() };
    const fieldErrors = validateSignup(input, timeZones);
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors });
      return;
    }

    clear();
    signup.mutate(invite ? { ...input, invite } : input, {
      onSuccess: (answer) => ('user' in answer ? navigate('/dashboard') : onCheckInbox(input.email)),
      onError: (error) => show(toFormErrors(error, formFields)),
    });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField label="Name" name="name" autoComplete="name" {...fields.text('name')} />
      <TextField label="E-mail" name="email" type="email" autoComplete="email" {...fields.text('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters.`}
        {...fields.text('password')}
      />
      <UsernameField
        hint="3 to 30 lowercase letters, digits or dashes, starting and ending with a letter or digit. It appears in your booking links."
        {...fields.text('username', { parse: (text) => text.toLowerCase() })}
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        hint="Your availability is shown in this time zone."
        {...fields.text('timeZone')}
      >
        {timeZones.map((zone) => (
          <option key={zone} value={zone}>
            {timeZoneLabel(zone)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" pending={signup.isPending} className="w-full">
        Create account
      </Button>
    </form>
  );
}
