import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
import type { Redis } from 'ioredis';
import { createJobQueue, type JobQueue } from '../../src/jobs/queue.js';
import type { Clock } from '../../src/lib/clock.js';
import { createEventBus } from '../../src/lib/event-bus.js';
import { connectRedis } from '../../src/lib/redis.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { createServices, type Services } from '../../src/server/services.js';
import { createTestDb, type TestDb } from './db.js';

export type TestApp = {
  app: FastifyInstance;
  db: TestDb;
  config: Config;
  services: Services;
  queue: JobQueue;
  close(): Promise<void>;
};

export type TestAppOptions = {
  /** Share a database with another app instance (as two nodes would). */
  db?: TestDb;
  /** Overrides the rate-limit store; by default TEST_REDIS_URL's Redis, when set. */
  rateLimitRedis?: Redis;
  env?: Record<string, string>;
  /** Run job workers in this instance (default true). */
  runWorkers?: boolean;
  /** Serve a built web app (the browser tests); by default none. */
  webRoot?: string;
  /** The time the services decide with (see testClock); by default the system clock. */
  clock?: Clock;
};

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? (await createTestDb());
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET: TEST_APP_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'tuskhub-test-')),
    // Tests read each e-mail as it is sent; the ones about coalescing bursts set a window of their own.
    EMAIL_COALESCE_SECONDS: '0',
    // Races of 50 bookings on a busy CI machine can queue longer than production's 5 s bound; the tests of
    // that bound set a short one of their own.
    BOOKING_LOCK_TIMEOUT_MS: '30000',
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...options.env,
  });
  // Built as the server builds it, so the tests on Redis run with production's client options.
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  const bus = await createEventBus(db, redis);
  const log = { warn: () => {} };
  const queue = createJobQueue(db, { runWorkers: options.runWorkers ?? true, onError: () => {} });
  const services = createServices(config, db, { bus, queue, log, clock: options.clock });
  services.registerJobs();
  await queue.start();
  const app = await buildApp({
    config,
    db,
    redis: options.rateLimitRedis ?? redis,
    services,
    webRoot: options.webRoot ?? join(config.dataDir, 'no-web'),
  });
  await app.ready();
  return {
    app,
    db,
    config,
    services,
    queue,
    async close() {
      await app.close();
      await queue.stop();
      await bus.close();
      services.mailer?.close();
      redis?.disconnect();
      if (!options.db) await db.destroy();
    },
  };
}

/** Shared by every test app of a run, so two instances on one database accept each other's links. */
const TEST_APP_SECRET = randomBytes(32).toString('hex');

/** Each client looks like its own machine, so per-IP rate limits of one test do not leak into another. */
function randomIp() {
  return `10.${randomBytes(3).join('.')}`;
}

export type Response = { status: number; body: any; headers: Record<string, unknown> };

/** A browser-like caller: keeps cookies and sends the CSRF token with writes, as the web app does. */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrfToken: string | undefined;
  bearer: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    readonly ip = randomIp(),
  ) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const unsafe = method !== 'GET';
    if (unsafe && !this.bearer && this.cookies.has('tuskhub_session') && !('x-csrf-token' in headers)) {
      headers['x-csrf-token'] = await this.csrf();
    }
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as NonNullable<InjectOptions['payload']> }),
    });
    for (const cookie of res.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()))
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = res.body;
    let parsed: unknown = text;
    if (String(res.headers['content-type'] ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);

  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.request('GET', '/api/auth/csrf');
      this.csrfToken = res.body.token;
    }
    return this.csrfToken!;
  }

  hasSession() {
    return this.cookies.has('tuskhub_session');
  }
}

let counter = 0;
export function newAccount(
  overrides: Partial<Record<'email' | 'password' | 'name' | 'username' | 'timeZone', string>> = {},
) {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
  return {
    email: `host-${n}@example.com`,
    password: 'correct horse battery',
    name: `Host ${n}`,
    username: `host-${n}`,
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

export async function signedUpClient(app: FastifyInstance, overrides: Parameters<typeof newAccount>[0] = {}) {
  const client = new TestClient(app);
  const account = newAccount(overrides);
  const res = await client.post('/api/auth/signup', account);
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, account, user: res.body.user as { id: string; username: string; email: string } };
}
