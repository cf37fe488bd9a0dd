import { z } from 'zod';

/**
 * The rules an account's own fields follow, shared with the browser: the sign-up and booking forms run them
 * before sending. Imports only zod; the time zone check, which needs the zone database, stays in schemas.ts.
 */

export const emailSchema = z
  .email({ message: 'Enter a valid e-mail address.' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, { message: 'Use at least 10 characters.' })
  .max(256, { message: 'Use at most 256 characters.' });

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

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$/, {
    message: 'Use 3–30 lowercase letters, digits or dashes, starting and ending with a letter or digit.',
  })
  .refine((v) => !RESERVED_USERNAMES.has(v), { message: 'This username is reserved. Choose another.' });

/**
 * A person's name as invitations and e-mails show it: one line. Control characters (line breaks, tabs) would
 * start new lines in e-mails and calendar files, where a crafted name could pose as another field.
 */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Enter your name.' })
  .max(120, { message: 'Use at most 120 characters.' })
  .refine((v) => !/[\p{Cc}\u2028\u2029]/u.test(v), {
    message: 'Write the name on one line, without tabs or other control characters.',
  });

export const totpCodeSchema = z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your app.' });
