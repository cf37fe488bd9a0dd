import type { TextBinding } from '../../ui/bindFields';
import { TextField } from '../../ui/TextField';
import { minPasswordLength } from './signupRules';

/** A new password and the same again, checked with newPasswordErrors. */
export function NewPasswordFields({ password, repeat }: { password: TextBinding; repeat: TextBinding }) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minPasswordLength} characters.`}
        {...password}
      />
      <TextField label="New password again" type="password" autoComplete="new-password" {...repeat} />
    </>
  );
}
