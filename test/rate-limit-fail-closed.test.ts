import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createServices } from '../src/server/services.js';
import { createEventBus } from '../src/lib/event-bus.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { TestClient } from './helpers/app.js';
import type { FastifyInstance } from 'fastify';

let db: TestDb;
let app: FastifyInstance;
let deadRedis: Redis;

beforeAll(async () => {
  db = await createTestDb();
  // Nothing listens on port 1: every rate-limit counter update fails at once.
  deadRedis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', APP_SECRET: randomBytes(32).toString('hex') });
  const services = createServices(config, db, await createEventBus(db));
  app = await buildApp({ config, db, redis: deadRedis, services, webRoot: '/nonexistent' });
});
afterAll(async () => {
  await app.close();
  deadRedis.disconnect();
  await db.destroy();
});

it('refuses logins with 503 when the rate-limit store is down, instead of letting them through uncounted', async () => {
  const res = await new TestClient(app).post('/api/auth/login', {
    email: 'someone@example.com',
    password: 'whatever it is',
  });
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('rate_limiter_unavailable');
});
