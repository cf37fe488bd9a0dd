import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newAccount, signedUpClient, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(() => t.close());

const randomAddress = (prefix: string) => `${prefix}.${randomBytes(2).join('.')}`;

describe('TRUST_PROXY=true trusts one proxy hop', () => {
  it('counts requests by the address the proxy saw, whatever the client put left of it', async () => {
    const proxy = randomAddress('10.77');
    const client = randomAddress('198.18');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': `${randomAddress('172.16')}, ${client}` },
        payload: { email: `nobody-${i}@example.com`, password: 'not the password' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

/** Signs up without the test client's automatic CSRF token, answering the session cookie header. */
async function sessionCookie(): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: newAccount() });
  expect(res.statusCode).toBe(201);
  const session = res.cookies.find((c) => c.name === 'tuskhub_session')!;
  return `tuskhub_session=${session.value}`;
}

const meetingType = { title: 'Intro call', slug: 'intro', durationMinutes: 30 };

describe('CSRF with an Authorization header', () => {
  it('still checks cookie-authenticated writes that carry a Basic header', async () => {
    const cookie = await sessionCookie();
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: { cookie, authorization: 'Basic eHl6Onh5eg==' },
      payload: { name: 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_invalid');
    const list = await t.app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie } });
    expect(list.json().apiKeys).toEqual([]);
  });

  it('still checks them when the Bearer key is not valid', async () => {
    const cookie = await sessionCookie();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/meetings/types',
      headers: { cookie, authorization: 'Bearer thk_not-a-real-key' },
      payload: meetingType,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_invalid');
  });

  it('needs no CSRF token when a valid API key authenticates, with or without a cookie', async () => {
    const { client } = await signedUpClient(t.app);
    const key = (await client.post('/api/api-keys', { name: 'CI' })).body.key as string;
    const cookie = await sessionCookie();
    const withKeyOnly = await t.app.inject({
      method: 'POST',
      url: '/api/meetings/types',
      headers: { authorization: `Bearer ${key}` },
      payload: meetingType,
    });
    expect(withKeyOnly.statusCode).toBe(201);
    const withKeyAndCookie = await t.app.inject({
      method: 'POST',
      url: '/api/meetings/types',
      headers: { cookie, authorization: `Bearer ${key}` },
      payload: { ...meetingType, slug: 'second' },
    });
    expect(withKeyAndCookie.statusCode).toBe(201);
    // The key decides whose type it is, not the cookie riding along.
    const keyOwnersTypes = await client.get('/api/meetings/types');
    expect(keyOwnersTypes.body.meetingTypes.map((m: { slug: string }) => m.slug).sort()).toEqual([
      '30min',
      'intro',
      'second',
    ]);
  });
});
