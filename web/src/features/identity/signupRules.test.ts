import { describe, expect, it } from 'vitest';
import { minPasswordLength, validateSignup } from './signupRules';

const zones = ['Europe/Berlin', 'UTC'];
const input = {
  email: 'ada@example.com',
  password: 'correct horse battery',
  name: 'Ada Lovelace',
  username: 'ada',
  timeZone: 'Europe/Berlin',
};

describe('validateSignup', () => {
  it('accepts a complete form', () => {
    expect(validateSignup(input, zones)).toEqual({});
  });

  it('words each problem for the form', () => {
    expect(
      validateSignup({ email: 'ada@', password: 'short', name: '', username: '-a', timeZone: 'Mars/Base' }, zones),
    ).toEqual({
      email: 'Enter an e-mail address, like name@example.com.',
      password: `Use at least ${minPasswordLength} characters.`,
      name: 'Enter your name.',
      username: 'Use 3 to 30 lowercase letters, digits or dashes, starting and ending with a letter or digit.',
      timeZone: 'Choose a time zone from the list.',
    });
  });

  it('knows the server’s rules the form did not check before: reserved names and control characters', () => {
    expect(validateSignup({ ...input, username: 'dashboard', name: 'Ada\tLovelace' }, zones)).toEqual({
      username: 'This username is reserved. Choose another.',
      name: 'Write the name on one line, without tabs or other control characters.',
    });
  });
});
