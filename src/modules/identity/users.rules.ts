import { z } from 'zod/mini';

/**
 * The rules an account's own fields follow, shared with the browser: the sign-up and booking forms run them
 * before sending. Imports only zod; the time zone check, which needs the zone database, stays in schemas.ts.
 * Written with zod/mini, whose functions the bundler can leave out when unused: the public pages load this file,
 * and the whole of zod would add about 20 KB gzip to them. The server's schemas embed these as they are.
 */

export const emailSchema = z.pipe(
  z.email({ error: 'Enter a valid e-mail address.' }).check(z.maxLength(254)),
  z.transform((v: string) => v.trim().toLowerCase()),
);

export const MIN_PASSWORD_LENGTH = 10;
export const passwordSchema = z
  .string()
  .check(
    z.minLength(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` }),
    z.maxLength(256, { error: 'Use at most 256 characters.' }),
  );

/** First path segments the web app uses itself; a username there would hide the user's public page. */
const RESERVED_USERNAMES = new Set([
  'api',
  'assets',
  'booking',
  'dashboard',
  'login',
  'signup',
  'logout',
  'settings',
  'admin',
  'dev',
  'forgot-password',
  'reset-password',
  'verify-email',
]);

export const usernameSchema = z.string().check(
  z.regex(/^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$/, {
    error: 'Use 3–30 lowercase letters, digits or dashes, starting and ending with a letter or digit.',
  }),
  z.refine((v) => !RESERVED_USERNAMES.has(v), { error: 'This username is reserved. Choose another.' }),
);

/**
 * A person's name as invitations and e-mails show it: one line. Control characters (line breaks, tabs) would
 * start new lines in e-mails and calendar files, where a crafted name could pose as another field.
 */
export const personNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, { error: 'Enter your name.' }),
  z.maxLength(120, { error: 'Use at most 120 characters.' }),
  z.refine((v) => !/[\p{Cc}\u2028\u2029]/u.test(v), {
    error: 'Write the name on one line, without tabs or other control characters.',
  }),
);

export const totpCodeSchema = z.string().check(z.regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your app.' }));
