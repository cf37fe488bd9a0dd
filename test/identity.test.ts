import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newAccount, signedUpClient, TestClient, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('signup, login, logout, me', () => {
  it('signs up, reads me, logs out and back in', async () => {
    const client = new TestClient(t.app);
    const account = newAccount({ email: 'Mixed.Case@Example.com' });
    const signup = await client.post('/api/auth/signup', account);
    expect(signup.status).toBe(201);
    expect(signup.body.user).toMatchObject({
      email: 'mixed.case@example.com',
      username: account.username,
      timeZone: 'Europe/Berlin',
    });
    expect(signup.body.user).not.toHaveProperty('passwordHash');
    const setCookie = String(signup.headers['set-cookie']);
    expect(setCookie).toMatch(/tuskhub_session=.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(signup.body.user.id);

    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);

    const login = await client.post('/api/auth/login', {
      email: account.email.toUpperCase(),
      password: account.password,
    });
    expect(login.status).toBe(200);
    expect((await client.get('/api/me')).body.user.id).toBe(signup.body.user.id);
  });

  it('gives the same 401 for a wrong password and an unknown e-mail', async () => {
    const { account } = await signedUpClient(t.app);
    const wrongPassword = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: 'not the password',
    });
    const unknownEmail = await new TestClient(t.app).post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
  });

  it('refuses a second account with the same e-mail or username', async () => {
    const { account } = await signedUpClient(t.app);
    const sameEmail = await new TestClient(t.app).post('/api/auth/signup', newAccount({ email: account.email }));
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.error.code).toBe('email_taken');
    const sameUsername = await new TestClient(t.app).post(
      '/api/auth/signup',
      newAccount({ username: account.username }),
    );
    expect(sameUsername.status).toBe(409);
    expect(sameUsername.body.error.code).toBe('username_taken');
  });

  it('rejects invalid values with 422 naming the fields', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      ...newAccount(),
      username: 'No Spaces',
      timeZone: 'Mars/Olympus',
      password: 'short',
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['password', 'timeZone', 'username']);
  });

  it('requires a CSRF token for cookie-authenticated writes', async () => {
    const { client } = await signedUpClient(t.app);
    const forged = await client.post('/api/api-keys', { name: 'x' }, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf_invalid');
    expect((await client.post('/api/api-keys', { name: 'x' })).status).toBe(201);
  });

  it('limits login attempts per account and address and answers 429 in the contract shape', async () => {
    const { account } = await signedUpClient(t.app);
    const guesser = new TestClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await guesser.post('/api/auth/login', {
        email: account.email,
        password: 'wrong password',
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('rate_limited');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('TOTP two-factor', () => {
  it('enables, then requires a valid code at login, and refuses a replayed code', async () => {
    const { client, account } = await signedUpClient(t.app);
    const setup = await client.post('/api/me/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret: string = setup.body.secret;

    expect((await client.post('/api/me/totp/enable', { code: '000000' })).status).toBe(401);
    const enablingCode = await generate({ secret });
    const enable = await client.post('/api/me/totp/enable', { code: enablingCode });
    expect(enable.status).toBe(200);
    expect((await client.get('/api/me')).body.user.totpEnabled).toBe(true);

    const withoutCode = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.error.code).toBe('totp_required');

    const wrongPasswordWithCode = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: 'nope nope nope',
      totp: '123456',
    });
    expect(wrongPasswordWithCode.body.error.code).toBe('invalid_credentials');

    const replayed = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
      totp: enablingCode,
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('totp_invalid');
  });

  it('logs in with a fresh valid code, once, and refuses to disable with a wrong code', async () => {
    const { client, account, user } = await signedUpClient(t.app);
    const { secret } = (await client.post('/api/me/totp/setup')).body;
    // Enable with the previous step's code so the current step stays free for the login below.
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect((await client.post('/api/me/totp/enable', { code: previous })).status).toBe(200);

    const code = await generate({ secret });
    const login = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
      totp: code,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(user.id);

    const replay = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
      totp: code,
    });
    expect(replay.body.error.code).toBe('totp_invalid');

    expect((await client.post('/api/me/totp/disable', { code: '000000' })).status).toBe(401);
    expect((await client.get('/api/me')).body.user.totpEnabled).toBe(true);
    const nextStep = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    // A code one step ahead is outside the accepted window (past only), so disabling needs a real current code.
    expect((await client.post('/api/me/totp/disable', { code: nextStep })).status).toBe(401);
  });

  it('disables with a current code, after which login needs no code', async () => {
    const { client, account } = await signedUpClient(t.app);
    const { secret } = (await client.post('/api/me/totp/setup')).body;
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect((await client.post('/api/me/totp/enable', { code: previous })).status).toBe(200);
    expect((await client.post('/api/me/totp/disable', { code: await generate({ secret }) })).status).toBe(200);
    const login = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.totpEnabled).toBe(false);
  });
});

describe('API keys', () => {
  it('authenticates with a Bearer key, shows it once, and stops after revocation', async () => {
    const { client, user } = await signedUpClient(t.app);
    const created = await client.post('/api/api-keys', { name: 'CI' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^thk_/);

    const list = await client.get('/api/api-keys');
    expect(list.body.apiKeys).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    const api = new TestClient(t.app);
    api.bearer = created.body.key;
    const me = await api.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(user.id);

    const revoke = await client.request('DELETE', `/api/api-keys/${created.body.id}`);
    expect(revoke.status).toBe(200);
    const after = await api.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('invalid_api_key');
  });

  it('cannot revoke another user’s key', async () => {
    const a = await signedUpClient(t.app);
    const b = await signedUpClient(t.app);
    const key = await a.client.post('/api/api-keys', { name: 'mine' });
    const res = await b.client.request('DELETE', `/api/api-keys/${key.body.id}`);
    expect(res.status).toBe(404);
    expect((await a.client.get('/api/api-keys')).body.apiKeys).toHaveLength(1);
  });
});

describe('service routes', () => {
  it('reports health with the database kind', async () => {
    const res = await new TestClient(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: t.db.kind });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const res = await new TestClient(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/signup', '/api/auth/login', '/api/me', '/api/api-keys', '/api/health']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
  });

  it('serves the browsable API reference and its assets', async () => {
    const client = new TestClient(t.app);
    const page = await client.get('/api/docs/');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger-ui');
    const scripts = [...String(page.body).matchAll(/src="\.\/([\w./-]+\.js)"/g)].map((m) => m[1]);
    expect(scripts).toContain('static/swagger-ui-bundle.js');
    for (const script of scripts) expect((await client.get(`/api/docs/${script}`)).status).toBe(200);
  });

  it('answers unknown API routes with the contract 404', async () => {
    const res = await new TestClient(t.app).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('profile and password', () => {
  it('changes name and time zone, validating the zone', async () => {
    const { client } = await signedUpClient(t.app);
    const res = await client.request('PATCH', '/api/me', { name: 'New Name', timeZone: 'Asia/Kathmandu' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ name: 'New Name', timeZone: 'Asia/Kathmandu' });
    expect((await client.request('PATCH', '/api/me', { timeZone: 'Nowhere/Land' })).status).toBe(422);
    expect((await client.request('PATCH', '/api/me', {})).status).toBe(422);
  });

  it('changes the password with the current one and ends other sessions', async () => {
    const { client, account } = await signedUpClient(t.app);
    const other = new TestClient(t.app);
    await other.post('/api/auth/login', { email: account.email, password: account.password });
    expect((await other.get('/api/me')).status).toBe(200);

    const wrong = await client.post('/api/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new secret',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.fields).toHaveProperty('currentPassword');
    expect(
      (await client.post('/api/me/password', { currentPassword: account.password, newPassword: 'a brand new secret' }))
        .status,
    ).toBe(200);

    expect((await client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect(
      (await new TestClient(t.app).post('/api/auth/login', { email: account.email, password: account.password }))
        .status,
    ).toBe(401);
    expect(
      (await new TestClient(t.app).post('/api/auth/login', { email: account.email, password: 'a brand new secret' }))
        .status,
    ).toBe(200);
  });
});
