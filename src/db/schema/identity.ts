import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import type { Onboarding } from './stored-json.js';
import { LOCALES, MEMBER_ROLES } from './values.js';

export const memberRole = pgEnum('member_role', MEMBER_ROLES);
export const locale = pgEnum('locale', LOCALES);

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The tenant key every row level security policy checks. */
export const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    username: text('username').notNull(),
    timeZone: text('time_zone').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Sealed with APP_SECRET; set while two-factor is being set up or is enabled. */
    totpSecretSealed: text('totp_secret_sealed'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** RFC 6238 time step of the last accepted code, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    defaultOrgId: uuid('default_org_id').references(() => organizations.id, { onDelete: 'set null' }),
    /**
     * When the owner proved the address with a link from an e-mail. Accounts from before verification existed
     * and accounts an operator made count as verified; with EMAIL_VERIFICATION=required, public booking pages
     * of an unverified host answer as if the host did not exist.
     */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** The language of the host's own e-mails and of their pages' defaults. */
    locale: locale('locale').notNull().default('en'),
    onboarding: jsonb('onboarding').$type<Onboarding>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_username_key').on(t.username),
  ],
);

/** The user a row belongs to; it goes when the user goes. */
export const userId = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const memberships = pgTable(
  'memberships',
  {
    orgId: orgId(),
    userId: userId(),
    role: memberRole('role').notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: userId(),
    orgId: orgId(),
    /** SHA-256 of the cookie value: a stolen database does not yield usable sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    userId: userId(),
    orgId: orgId(),
    name: text('name').notNull(),
    /** The first characters of the key, shown in lists so a person can tell keys apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_keys_user_idx').on(t.userId)],
);

export const accountTokenPurpose = pgEnum('account_token_purpose', ['password_reset', 'email_verification']);

/**
 * One-time links e-mailed to (or printed for) the owner of an account. Only the SHA-256 of the token is kept,
 * and the app role is granted nothing here: the links are checked before any tenant is known.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    userId: userId(),
    purpose: accountTokenPurpose('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the link was used, or when a newer link of the same purpose replaced it: it works no more. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Written from the services' clock, which also counts the e-mails an address got in the past hour. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('account_tokens_user_purpose_idx').on(t.userId, t.purpose, t.createdAt)],
);

/** With SIGNUP=invite, an account can be made only with one of these: bound to one address, used once. */
export const signupInvitations = pgTable(
  'signup_invitations',
  {
    id: id(),
    /** Lower-cased, as sign-up stores addresses. */
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when an account was made with it, or when a newer invitation to the address replaced it. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The account made with it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('signup_invitations_email_idx').on(t.email)],
);

/**
 * Two-factor recovery codes: ten per set, each usable once in place of a TOTP code. Each code carries 128 bits
 * from the CSPRNG, so its SHA-256 is as safe to store as a session's.
 */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: id(),
    userId: userId(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('totp_recovery_codes_user_code_key').on(t.userId, t.codeHash)],
);
