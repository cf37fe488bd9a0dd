import type { FieldErrors } from '../../lib/api';
import type { SignupInput } from './api';

// Mirrors the server's rules so most mistakes are caught before a round trip; the server still decides.
export const minPasswordLength = 10;
const usernamePattern = /^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$/;
const emailPattern = /^[^\s@]+@[^\s@]+$/;

export function validateSignup(input: SignupInput, timeZones: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!emailPattern.test(input.email)) errors.email = 'Enter an e-mail address, like name@example.com.';
  if (input.password.length < minPasswordLength) {
    errors.password = `Use at least ${minPasswordLength} characters.`;
  }
  if (input.name === '') errors.name = 'Enter your name.';
  if (!usernamePattern.test(input.username)) {
    errors.username = 'Use 3 to 30 lowercase letters, digits or dashes, starting and ending with a letter or digit.';
  }
  if (!timeZones.includes(input.timeZone)) errors.timeZone = 'Choose a time zone from the list.';
  return errors;
}
