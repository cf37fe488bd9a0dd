import { z } from 'zod';
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
export type SignupInput = z.infer<typeof signupBody>;
export type SignupRequest = z.input<typeof signupBody>;

export const loginBody = z.object({
  email: z
    .string()
    .max(254)
    .transform((v) => v.trim().toLowerCase()),
  password: z.string().max(256),
  totp: totpCodeSchema.optional(),
});
export type LoginInput = z.infer<typeof loginBody>;
export type LoginRequest = z.input<typeof loginBody>;

export const publicUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  username: z.string(),
  timeZone: z.string(),
  totpEnabled: z.boolean(),
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

export const profilePatchBody = z
  .object({ name: personNameSchema, timeZone: timeZoneSchema })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change.' });
export type ProfilePatch = z.infer<typeof profilePatchBody>;
export type ProfilePatchRequest = z.input<typeof profilePatchBody>;

export const passwordChangeBody = z.object({ currentPassword: z.string().max(256), newPassword: passwordSchema });
