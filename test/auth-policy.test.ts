import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { createTestDb, type TestDb } from './helpers/db.js';

let db: TestDb;
let defaults: TestApp;
let guarded: TestApp;
beforeAll(async () => {
  db = await createTestDb();
  defaults = await createTestApp({ db });
  guarded = await createTestApp({ db, env: { SIGNUP: 'invite', EMAIL_VERIFICATION: 'required' } });
});
afterAll(async () => {
  await Promise.all([defaults.close(), guarded.close()]);
  await db.destroy();
});

describe('GET /api/auth/policy', () => {
  it('tells anyone the sign-up policy and whether addresses are verified, and nothing else', async () => {
    const open = await new TestClient(defaults.app).get('/api/auth/policy');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ signup: 'open', emailVerification: 'off' });

    const invite = await new TestClient(guarded.app).get('/api/auth/policy');
    expect(invite.body).toEqual({ signup: 'invite', emailVerification: 'required' });
    expect(invite.headers['set-cookie']).toBeUndefined();
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await new TestClient(defaults.app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/auth/policy'].get.responses)).toContain('200');
  });
});
