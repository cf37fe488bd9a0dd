import type { TextBinding } from '../../ui/bindFields';
import { TextField } from '../../ui/TextField';

/** The username in booking links; lower-case it as it is typed (bindFields' parse). */
export function UsernameField({ hint, ...binding }: TextBinding & { hint: string }) {
  return (
    <TextField
      label="Username"
      name="username"
      // Not "username": password managers would take it for the login name, which is the e-mail.
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      hint={hint}
      {...binding}
    />
  );
}
