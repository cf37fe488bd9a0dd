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

it('refuses account recovery and sign-up the same way', async () => {
  const calls: [string, Record<string, string>][] = [
    [
      '/api/auth/signup',
      { email: 'a@example.com', password: 'long enough pw', name: 'A', username: 'aaa', timeZone: 'UTC' },
    ],
    ['/api/auth/password/forgot', { email: 'someone@example.com' }],
    ['/api/auth/password/reset', { token: 'x', password: 'long enough pw' }],
    ['/api/auth/email/verify', { token: 'x' }],
  ];
  for (const [path, body] of calls) {
    const res = await new TestClient(t.app).post(path, body);
    expect({ path, status: res.status, code: res.body.error.code }).toEqual({
      path,
      status: 503,
      code: 'rate_limiter_unavailable',
    });
  }
});
