import { z } from 'zod';
import { canonicalTimeZone } from '../../lib/time-zones.js';

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
]);

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,28})[a-z0-9]$/, {
    message: 'Use 3–30 lowercase letters, digits or dashes, starting and ending with a letter or digit.',
  })
  .refine((v) => !RESERVED_USERNAMES.has(v), { message: 'This username is reserved. Choose another.' });

/**
 * Any IANA zone name is accepted and stored under its current name (Asia/Calcutta → Asia/Kolkata). A codec,
 * not a transform: availability answers with this schema too, and a transform cannot be encoded.
 */
export const timeZoneSchema = z.codec(z.string(), z.string(), {
  decode: (zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: zone,
        message: 'Use a time zone name such as Europe/Paris or America/New_York; offsets like UTC+3 are not accepted.',
      });
      return z.NEVER;
    }
    return canonical;
  },
  encode: (zone) => zone,
});

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

export const signupBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema,
  username: usernameSchema,
  timeZone: timeZoneSchema,
});
export type SignupInput = z.infer<typeof signupBody>;

export const loginBody = z.object({
  email: z
    .string()
    .max(254)
    .transform((v) => v.trim().toLowerCase()),
  password: z.string().max(256),
  totp: totpCodeSchema.optional(),
});
export type LoginInput = z.infer<typeof loginBody>;

export const publicUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  username: z.string(),
  timeZone: z.string(),
  totpEnabled: z.boolean(),
  emailVerified: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUser>;
export const userResponse = z.object({ user: publicUser });

export const apiKeyCreateBody = z.object({ name: z.string().trim().min(1, { message: 'Name the key.' }).max(100) });
export const apiKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const apiKeyCreated = z.object({ id: z.uuid(), name: z.string(), key: z.string() });

export const totpCodeBody = z.object({ code: totpCodeSchema });
export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });

export const profilePatchBody = z
  .object({ name: personNameSchema, timeZone: timeZoneSchema })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change.' });
export type ProfilePatch = z.infer<typeof profilePatchBody>;

export const passwordChangeBody = z.object({ currentPassword: z.string().max(256), newPassword: passwordSchema });

/** A token from a one-time link (reset, verification, invitation), as the page read it from the URL. */
const linkTokenSchema = z.string().min(1, { message: 'The link has no token.' }).max(200);
const recoveryCodeSchema = z.string().min(1, { message: 'Enter a recovery code.' }).max(100);

/** With SIGNUP=invite, `invite` is the token from the invitation link (/signup?invite=…). */
export const signupRequestBody = signupBody.extend({ invite: linkTokenSchema.optional() });
export type SignupRequest = z.infer<typeof signupRequestBody>;

/** The answer to sign-up with EMAIL_VERIFICATION=required, the same for a new and a registered address. */
export const checkInboxResponse = z.object({
  status: z.literal('check_inbox'),
  message: z.string(),
});

/** A recovery code may stand in for the TOTP code, never beside it. */
export const loginRequestBody = loginBody
  .extend({ recoveryCode: recoveryCodeSchema.optional() })
  .refine((b) => b.totp === undefined || b.recoveryCode === undefined, {
    path: ['recoveryCode'],
    message: 'Send either a TOTP code or a recovery code, not both.',
  });
export type LoginRequest = z.infer<typeof loginRequestBody>;

/** recoveryCodesLeft: present when a recovery code was used to log in, so the app can warn when few are left. */
export const loginResponse = userResponse.extend({ recoveryCodesLeft: z.number().int().min(0).optional() });

export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten single-use codes, shown only in this answer'),
});
export const recoveryCodesLeftResponse = z.object({ recoveryCodesLeft: z.number().int().min(0) });

/** Turning two-factor off takes a current TOTP code or, with the device lost, a recovery code. */
export const totpDisableBody = z
  .object({ code: totpCodeSchema.optional(), recoveryCode: recoveryCodeSchema.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    path: ['code'],
    message: 'Send the 6-digit code from your app, or a recovery code.',
  });
export type TotpDisableInput = z.infer<typeof totpDisableBody>;

export const passwordForgotBody = z.object({ email: emailSchema });
export const passwordResetBody = z.object({ token: linkTokenSchema, password: passwordSchema });
export const emailVerifyBody = z.object({ token: linkTokenSchema });

/** An answer that tells nothing about the account (whether it exists, whether a message went out). */
export const acceptedResponse = z.object({ status: z.literal('accepted'), message: z.string() });

/** signedIn is false for an account with two-factor on: a link from an inbox is not a second factor. */
export const emailVerifiedResponse = z.object({ emailVerified: z.literal(true), signedIn: z.boolean() });
