import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { randomToken } from '../lib/crypto.js';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable the app reads, with its default. The README documents the same list. */
const envSchema = z.object({
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
  TRUST_PROXY: booleanFlag.default(false),
  SEED_DEMO: booleanFlag.default(true),
  JITSI_BASE_URL: z.url().default('https://meet.jit.si'),
  MAIL_FROM: z.string().optional(),
  INBOUND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]{24,}$/)
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  role: 'web' | 'worker' | 'all';
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  appSecret: string;
  logLevel: string;
  trustProxy: boolean;
  seedDemo: boolean;
  jitsiBaseUrl: string;
  mailFrom: string;
  /** Standard Webhooks secret for the inbound job endpoints (external schedulers sign with it). */
  inboundWebhookSecret: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
    seedDemo: e.SEED_DEMO,
    jitsiBaseUrl: e.JITSI_BASE_URL.replace(/\/$/, ''),
    mailFrom: e.MAIL_FROM ?? `TuskHub Meetings <no-reply@${new URL(publicUrl).hostname}>`,
    inboundWebhookSecret: e.INBOUND_WEBHOOK_SECRET ?? derivedWebhookSecret(appSecret),
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
