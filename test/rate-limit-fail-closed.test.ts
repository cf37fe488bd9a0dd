import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';

let t: TestApp;
let deadRedis: Redis;

beforeAll(async () => {
  // Nothing listens on port 1: every rate-limit counter update fails at once.
  deadRedis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  deadRedis.on('error', () => {});
  t = await createTestApp({ rateLimitRedis: deadRedis, runWorkers: false });
});
afterAll(async () => {
  await t.close();
  deadRedis.disconnect();
});

it('refuses logins with 503 when the rate-limit store is down, instead of letting them through uncounted', async () => {
  const res = await new TestClient(t.app).post('/api/auth/login', {
    email: 'someone@example.com',
    password: 'whatever it is',
  });
  expect(res.status).toBe(503);
  expect(res.body.error.code).toBe('rate_limiter_unavailable');
});
