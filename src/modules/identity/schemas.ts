import { z } from 'zod';
import { EMAIL_VERIFICATION_MODES, LOCALES, ONBOARDING_STEPS, SIGNUP_POLICIES } from '../../db/schema/values.js';
import { canonicalTimeZone } from '../../lib/time-zones.js';
import { emailSchema, passwordSchema, personNameSchema, totpCodeSchema, usernameSchema } from './users.rules.js';

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

export const signupBody = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema,
  username: usernameSchema,
  timeZone: timeZoneSchema,
});

export const loginBody = z.object({
  email: z
    .string()
    .max(254)
    .transform((v) => v.trim().toLowerCase()),
  password: z.string().max(256),
  totp: z.optional(totpCodeSchema),
});

export const publicUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  username: z.string(),
  timeZone: z.string(),
  /** The language of the user's e-mails (the dashboard itself is in English). */
  locale: z.enum(LOCALES),
  totpEnabled: z.boolean(),
  emailVerified: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUser>;
export const userResponse = z.object({ user: publicUser });
export type UserResponse = z.output<typeof userResponse>;

export const csrfResponse = z.object({ token: z.string() });
export type CsrfResponse = z.output<typeof csrfResponse>;

export const apiKeyCreateBody = z.object({ name: z.string().trim().min(1, { message: 'Name the key.' }).max(100) });
export const apiKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeySummary = z.output<typeof apiKeySummary>;
export const apiKeyListResponse = z.object({ apiKeys: z.array(apiKeySummary) });
export type ApiKeyListResponse = z.output<typeof apiKeyListResponse>;
/** The only answer that carries the key itself. */
export const apiKeyCreated = z.object({ id: z.uuid(), name: z.string(), key: z.string() });
export type ApiKeyCreated = z.output<typeof apiKeyCreated>;

export const totpCodeBody = z.object({ code: totpCodeSchema });
export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetupResponse = z.output<typeof totpSetupResponse>;

/** A new username moves every booking link: links shared before stop working. */
export const profilePatchBody = z
  .object({
    name: personNameSchema,
    timeZone: timeZoneSchema,
    username: usernameSchema,
    locale: z.enum(LOCALES, { message: `Use one of ${LOCALES.join(', ')}.` }),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change.' });
export type ProfilePatch = z.infer<typeof profilePatchBody>;
export type ProfilePatchRequest = z.input<typeof profilePatchBody>;

export const passwordChangeBody = z.object({ currentPassword: z.string().max(256), newPassword: passwordSchema });

/** A token from a one-time link (reset, verification, invitation), as the page read it from the URL. */
const linkTokenSchema = z.string().min(1, { message: 'The link has no token.' }).max(200);
const recoveryCodeSchema = z.string().min(1, { message: 'Enter a recovery code.' }).max(100);

/** With SIGNUP=invite, `invite` is the token from the invitation link (/signup?invite=…). */
export const signupRequestBody = signupBody.extend({ invite: linkTokenSchema.optional() });
export type SignupRequest = z.input<typeof signupRequestBody>;
export type SignupInput = z.output<typeof signupRequestBody>;

/** The answer to sign-up with EMAIL_VERIFICATION=required, the same for a new and a registered address. */
export const checkInboxResponse = z.object({
  status: z.literal('check_inbox'),
  message: z.string(),
});
export type CheckInboxResponse = z.output<typeof checkInboxResponse>;

/** A recovery code may stand in for the TOTP code, never beside it. */
export const loginRequestBody = loginBody
  .extend({ recoveryCode: recoveryCodeSchema.optional() })
  .refine((b) => b.totp === undefined || b.recoveryCode === undefined, {
    path: ['recoveryCode'],
    message: 'Send either a TOTP code or a recovery code, not both.',
  });
export type LoginRequest = z.input<typeof loginRequestBody>;
export type LoginInput = z.output<typeof loginRequestBody>;

/** recoveryCodesLeft: present when a recovery code was used to log in, so the app can warn when few are left. */
export const loginResponse = userResponse.extend({ recoveryCodesLeft: z.number().int().min(0).optional() });
export type LoginResponse = z.output<typeof loginResponse>;

export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten single-use codes, shown only in this answer'),
});
export type RecoveryCodesResponse = z.output<typeof recoveryCodesResponse>;
export const recoveryCodesLeftResponse = z.object({ recoveryCodesLeft: z.number().int().min(0) });
export type RecoveryCodesLeftResponse = z.output<typeof recoveryCodesLeftResponse>;

/** Turning two-factor off takes a current TOTP code or, with the device lost, a recovery code. */
export const totpDisableBody = z
  .object({ code: z.optional(totpCodeSchema), recoveryCode: recoveryCodeSchema.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    path: ['code'],
    message: 'Send the 6-digit code from your app, or a recovery code.',
  });
export type TotpDisableInput = z.infer<typeof totpDisableBody>;
export type TotpDisableRequest = z.input<typeof totpDisableBody>;

export const passwordForgotBody = z.object({ email: emailSchema });
export const passwordResetBody = z.object({ token: linkTokenSchema, password: passwordSchema });
export type PasswordResetRequest = z.input<typeof passwordResetBody>;
export const emailVerifyBody = z.object({ token: linkTokenSchema });

/** An answer that tells nothing about the account (whether it exists, whether a message went out). */
export const acceptedResponse = z.object({ status: z.literal('accepted'), message: z.string() });
export type AcceptedResponse = z.output<typeof acceptedResponse>;

/** signedIn is false for an account with two-factor on: a link from an inbox is not a second factor. */
export const emailVerifiedResponse = z.object({ emailVerified: z.literal(true), signedIn: z.boolean() });
export type EmailVerifiedResponse = z.output<typeof emailVerifiedResponse>;

/** What the sign-up page needs to know to show the right form; nothing about any account. */
export const authPolicyResponse = z.object({
  signup: z.enum(SIGNUP_POLICIES),
  emailVerification: z.enum(EMAIL_VERIFICATION_MODES),
});
export type AuthPolicy = z.output<typeof authPolicyResponse>;

const onboardingStep = z.enum(ONBOARDING_STEPS);
export type OnboardingStep = z.output<typeof onboardingStep>;
/** Where the host is in the first-run guide. */
export const onboardingView = z.object({
  steps: z
    .array(onboardingStep)
    .describe('The steps of the guide on this server, in order; finishing them all finishes the guide'),
  done: z.array(onboardingStep),
  dismissedAt: z.string().nullable().describe('When the host chose "Skip for now"; null while the guide is shown'),
  finishedAt: z.string().nullable(),
});
export type OnboardingView = z.output<typeof onboardingView>;
export const meResponse = userResponse.extend({ onboarding: onboardingView });
export type MeResponse = z.output<typeof meResponse>;
export const onboardingResponse = z.object({ onboarding: onboardingView });
export type OnboardingResponse = z.output<typeof onboardingResponse>;

/** Mark one step done, put the guide away (dismissed: true) or bring it back (false). */
export const onboardingPatchBody = z
  .object({ done: onboardingStep.optional(), dismissed: z.boolean().optional() })
  .refine((p) => p.done !== undefined || p.dismissed !== undefined, { message: 'Send done or dismissed.' });
export type OnboardingPatch = z.infer<typeof onboardingPatchBody>;
export type OnboardingPatchRequest = z.input<typeof onboardingPatchBody>;
