import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';

let t: TestApp;
let signedIn: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  signedIn = (await signedUpClient(t.app)).client;
});
afterAll(() => t.close());

const field = fc.oneof(
  fc.string(),
  fc.emailAddress(),
  fc.constantFrom('', ' ', 'Europe/Paris', 'Not/AZone', '123456', 'a'.repeat(300)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);
const shapedBody = fc.record(
  {
    email: field,
    password: field,
    name: field,
    username: field,
    timeZone: field,
    totp: field,
    code: field,
    recoveryCode: field,
    token: field,
    invite: field,
    done: field,
    dismissed: field,
  },
  { requiredKeys: [] },
);
/** Raw payloads: broken JSON, JSON of the wrong type, or arbitrary objects. */
const rawPayload = fc.oneof(
  shapedBody.map((b) => JSON.stringify(b)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constantFrom('{', '{"email":', 'null', '[]', '"str"', '{"__proto__":{"x":1}}', '\u0000'),
);

const ROUTES = [
  { path: '/api/auth/signup', client: () => new TestClient(t.app) },
  { path: '/api/auth/login', client: () => new TestClient(t.app) },
  { path: '/api/api-keys', client: () => signedIn },
  { path: '/api/me/totp/enable', client: () => signedIn },
  { path: '/api/me/totp/disable', client: () => signedIn },
  { path: '/api/me/totp/recovery-codes', client: () => signedIn },
  { path: '/api/auth/password/forgot', client: () => new TestClient(t.app) },
  { path: '/api/auth/password/reset', client: () => new TestClient(t.app) },
  { path: '/api/auth/email/verify', client: () => new TestClient(t.app) },
  { path: '/api/me', method: 'PATCH', client: () => signedIn },
  { path: '/api/me/onboarding', method: 'PATCH', client: () => signedIn },
] as const;

function expectContractAnswer(status: number, body: any) {
  expect(status).toBeLessThan(500);
  if (status >= 400) {
    expect(body).toMatchObject({ error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) } });
  }
}

describe('malformed bodies on the auth routes', () => {
  for (const route of ROUTES) {
    it(`${route.path} never answers 5xx and always uses the error shape`, async () => {
      await fc.assert(
        fc.asyncProperty(
          rawPayload,
          fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
          async (payload, contentType) => {
            const method = 'method' in route ? route.method : 'POST';
            const res = await route.client().request(method, route.path, payload, { 'content-type': contentType });
            expectContractAnswer(res.status, res.body);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
