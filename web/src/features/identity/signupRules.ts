import {
  emailSchema,
  MIN_PASSWORD_LENGTH,
  passwordSchema,
  personNameSchema,
  usernameSchema,
} from '../../../../src/modules/identity/users.rules';
import type { FieldErrors } from '../../lib/api';
import { firstIssue } from '../../lib/serverRules';
import type { SignupInput } from './api';

// The server's own rules, run before a round trip; the server still decides.
export const minPasswordLength = MIN_PASSWORD_LENGTH;

export function validateSignup(input: SignupInput, timeZones: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (firstIssue(emailSchema, input.email)) errors.email = 'Enter an e-mail address, like name@example.com.';
  const password = firstIssue(passwordSchema, input.password);
  if (password) errors.password = password.message;
  const name = firstIssue(personNameSchema, input.name);
  if (name) errors.name = name.message;
  const username = usernameProblem(input.username);
  if (username) errors.username = username;
  // The server accepts any zone name; the form offers a list, so anything else is a slip.
  if (!timeZones.includes(input.timeZone)) errors.timeZone = 'Choose a time zone from the list.';
  return errors;
}

/** What is wrong with a username, in the form's words for the pattern and the server's for the rest. */
export function usernameProblem(username: string): string | undefined {
  const issue = firstIssue(usernameSchema, username);
  if (!issue) return undefined;
  return issue.code === 'invalid_format'
    ? 'Use 3 to 30 lowercase letters, digits or dashes, starting and ending with a letter or digit.'
    : issue.message;
}

/** A new password typed twice: the server's rule for the first, the same text for the second. */
export function newPasswordErrors(
  values: { password: string; repeat: string },
  names: { password: string; repeat: string },
): FieldErrors {
  const problem = firstIssue(passwordSchema, values.password);
  if (problem) return { [names.password]: problem.message };
  if (values.repeat !== values.password) return { [names.repeat]: 'The two new passwords differ.' };
  return {};
}
