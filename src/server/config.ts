import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { EMAIL_VERIFICATION_MODES, SIGNUP_POLICIES, type OAUTH_PROVIDERS } from '../db/schema/values.js';
import { randomToken } from '../lib/crypto.js';
import { trustProxySetting } from './trust-proxy.js';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable the app reads, with its default. The README's Configuration tables name the same
 * list, and config.test.ts holds them to it.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  APP_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxySetting.default(false),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  SEED_DEMO: booleanFlag.optional(),
  JITSI_BASE_URL: z.url().default('https://meet.jit.si'),
  MAIL_FROM: z.string().optional(),
  EMAIL_COALESCE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  EMAIL_MAX_PER_RECIPIENT_PER_HOUR: z.coerce.number().int().min(1).default(30),
  INVITEE_CHANGES_PER_BOOKING_PER_HOUR: z.coerce.number().int().min(1).default(10),
  INVITEE_CHANGES_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(30),
  ZOOM_CLIENT_ID: z.string().optional(),
  ZOOM_CLIENT_SECRET: z.string().optional(),
  ZOOM_AUTHORIZE_URL: z.url().default('https://zoom.us/oauth/authorize'),
  ZOOM_TOKEN_URL: z.url().default('https://zoom.us/oauth/token'),
  ZOOM_API_URL: z.url().default('https://api.zoom.us/v2'),
  ZOOM_REVOKE_URL: z.url().default('https://zoom.us/oauth/revoke'),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GOOGLE_AUTHORIZE_URL: z.url().default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
  GOOGLE_API_URL: z.url().default('https://www.googleapis.com'),
  GOOGLE_REVOKE_URL: z.url().default('https://oauth2.googleapis.com/revoke'),
  MICROSOFT_CLIENT_ID: z.string().optional(),
  MICROSOFT_CLIENT_SECRET: z.string().optional(),
  MICROSOFT_AUTHORIZE_URL: z.url().default('https://login.microsoftonline.com/common/oauth2/v2.0/authorize'),
  MICROSOFT_TOKEN_URL: z.url().default('https://login.microsoftonline.com/common/oauth2/v2.0/token'),
  MICROSOFT_API_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  VIDEO_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  BOOKING_LOCK_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  SIGNUP: z.enum(SIGNUP_POLICIES).optional(),
  EMAIL_VERIFICATION: z.enum(EMAIL_VERIFICATION_MODES).optional(),
  INBOUND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/)
    .optional(),
});

/**
 * The app's settings, as loadConfig builds them from the parsed environment: the type follows the code, so no
 * second description of the shape can drift from envSchema.
 */
export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const appSecret = e.APP_SECRET ?? persistedDevSecret(e.NODE_ENV, dataDir);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    role: e.ROLE,
    dataDir,
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL || undefined,
    smtpUrl: e.SMTP_URL || undefined,
    appSecret,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    /** Longest time a client may take to send a whole request (headers and body). */
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    /**
     * Who may create an account: anyone (open), holders of an invitation made with the admin CLI (invite), or
     * nobody (closed: accounts come from the admin CLI). A public server should not take strangers by default.
     */
    signup: e.SIGNUP ?? (e.NODE_ENV === 'production' ? 'invite' : 'open'),
    /**
     * required: sign-up answers alike for new and known addresses and mails a link; a host's public pages go live
     * once the address is verified. off: sign-up signs in at once, as on a machine without mail.
     */
    emailVerification: e.EMAIL_VERIFICATION ?? (e.NODE_ENV === 'production' ? 'required' : 'off'),
    // A demo host with a printed password is for trying the product, never a default in production.
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV !== 'production',
    jitsiBaseUrl: e.JITSI_BASE_URL.replace(/\/$/, ''),
    /** OAuth apps of the video providers; a provider without client id and secret cannot be connected. */
    oauthApps: {
      zoom: oauthApp(e.ZOOM_CLIENT_ID, e.ZOOM_CLIENT_SECRET, {
        authorize: e.ZOOM_AUTHORIZE_URL,
        token: e.ZOOM_TOKEN_URL,
        api: e.ZOOM_API_URL,
        revoke: e.ZOOM_REVOKE_URL,
      }),
      google: oauthApp(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET, {
        authorize: e.GOOGLE_AUTHORIZE_URL,
        token: e.GOOGLE_TOKEN_URL,
        api: e.GOOGLE_API_URL,
        revoke: e.GOOGLE_REVOKE_URL,
      }),
      microsoft: oauthApp(e.MICROSOFT_CLIENT_ID, e.MICROSOFT_CLIENT_SECRET, {
        authorize: e.MICROSOFT_AUTHORIZE_URL,
        token: e.MICROSOFT_TOKEN_URL,
        api: e.MICROSOFT_API_URL,
      }),
    } satisfies Record<OAuthProvider, OAuthApp | undefined>,
    /** First retry delay of a failed provider call; later ones double, up to an hour. */
    videoRetryBaseSeconds: e.VIDEO_RETRY_BASE_SECONDS,
    /** PostgreSQL pool size, and how long a query waits for a free connection before answering 503. */
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePoolTimeoutMs: e.DATABASE_POOL_TIMEOUT_MS,
    /** How long a booking waits for the host's lock (another booking of that host) before answering 503 busy. */
    bookingLockTimeoutMs: e.BOOKING_LOCK_TIMEOUT_MS,
    /** Outgoing webhooks may go to private and loopback addresses (off by default: tenants choose the URLs). */
    webhookAllowPrivateTargets: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    mailFrom: e.MAIL_FROM ?? `TuskHub Meetings <no-reply@${new URL(publicUrl).hostname}>`,
    /** A booking's e-mails to one person are held this long after the last, so a burst of changes sends once. */
    emailCoalesceSeconds: e.EMAIL_COALESCE_SECONDS,
    /** Server-wide cap of e-mails to one address per hour; more are not sent and end as dead letters. */
    emailMaxPerRecipientPerHour: e.EMAIL_MAX_PER_RECIPIENT_PER_HOUR,
    /** Invitee cancels and reschedules allowed per booking and per client IP, each per hour. */
    inviteeChangesPerBookingPerHour: e.INVITEE_CHANGES_PER_BOOKING_PER_HOUR,
    inviteeChangesPerIpPerHour: e.INVITEE_CHANGES_PER_IP_PER_HOUR,
    /** Standard Webhooks secret for the inbound job endpoints (external schedulers sign with it). */
    inboundWebhookSecret: e.INBOUND_WEBHOOK_SECRET ?? derivedWebhookSecret(appSecret),
  };
}

export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];
export type OAuthApp = {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  apiUrl: string;
  /** RFC 7009 token revocation; Microsoft's identity platform has none. */
  revokeUrl: string | undefined;
};

function oauthApp(
  clientId: string | undefined,
  clientSecret: string | undefined,
  urls: { authorize: string; token: string; api: string; revoke?: string },
): OAuthApp | undefined {
  if (!clientId || !clientSecret) return undefined;
  return {
    clientId,
    clientSecret,
    authorizeUrl: urls.authorize,
    tokenUrl: urls.token,
    apiUrl: urls.api.replace(/\/$/, ''),
    revokeUrl: urls.revoke,
  };
}

/** Without its own setting the inbound webhook secret is derived from APP_SECRET (`npm run --silent secret:inbound`). */
function derivedWebhookSecret(appSecret: string): string {
  return `whsec_${createHmac('sha256', appSecret).update('tuskhub:inbound-webhooks').digest('base64')}`;
}

/**
 * Outside production a secret is generated once and kept in DATA_DIR, so a fresh clone needs no set-up and
 * encrypted values survive restarts. Production must configure APP_SECRET explicitly.
 */
function persistedDevSecret(nodeEnv: string, dataDir: string): string {
  if (nodeEnv === 'production') throw new Error('Invalid configuration: APP_SECRET is required in production');
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomToken(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
