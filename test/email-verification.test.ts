import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, waitForMail } from './helpers/account-mail.js';
import { createTestApp, newAccount, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { EMAIL_VERIFICATION: 'required' } });
});
afterAll(() => t.close());

const VOLATILE = new Set(['date', 'x-request-id']);
const stableHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !VOLATILE.has(name)));

async function registered() {
  const account = newAccount({ timeZone: 'UTC' });
  const res = await new TestClient(t.app).post('/api/auth/signup', account);
  expect(res.status).toBe(202);
  const [mail] = await waitForMail(t, account.email, 1);
  return { account, verifyToken: linkToken(mail!, '/verify-email') };
}

async function loggedIn(account: { email: string; password: string }) {
  const client = new TestClient(t.app);
  const res = await client.post('/api/auth/login', { email: account.email, password: account.password });
  expect(res.status).toBe(200);
  return client;
}

describe('sign-up with EMAIL_VERIFICATION=required', () => {
  it('answers a new and a registered address alike, without a session, and mails each what fits', async () => {
    const { account: existing } = await registered();
    const fresh = newAccount();
    const forNew = await new TestClient(t.app).post('/api/auth/signup', fresh);
    const forExisting = await new TestClient(t.app).post('/api/auth/signup', newAccount({ email: existing.email }));
    expect(forNew.status).toBe(202);
    expect(forExisting.status).toBe(202);
    expect(forNew.body).toEqual({ status: 'check_inbox', message: expect.any(String) });
    expect(forExisting.body).toEqual(forNew.body);
    expect(stableHeaders(forExisting.headers)).toEqual(stableHeaders(forNew.headers));
    expect(forNew.headers['set-cookie']).toBeUndefined();

    const [confirm] = await waitForMail(t, fresh.email, 1);
    expect(confirm!.subject).toBe('Confirm your e-mail address for TuskHub');
    expect(confirm!.text).toContain(`${t.config.publicUrl}/verify-email?token=`);
    expect(confirm!.text).toContain('Your booking pages go live once it is confirmed.');

    const [, exists] = await waitForMail(t, existing.email, 2);
    expect(exists!.subject).toBe('You already have a TuskHub account');
    expect(exists!.text).toContain(`Log in: ${t.config.publicUrl}/login`);
    // The password link in it works like one from "forgot password".
    const reset = await new TestClient(t.app).post('/api/auth/password/reset', {
      token: linkToken(exists!, '/reset-password'),
      password: 'my remembered password',
    });
    expect(reset.status).toBe(200);
    expect((await loggedIn({ email: existing.email, password: 'my remembered password' })).hasSession()).toBe(true);
  });

  it('says a username is taken whether or not the address is registered', async () => {
    const { account } = await registered();
    const withNewAddress = await new TestClient(t.app).post(
      '/api/auth/signup',
      newAccount({ username: account.username }),
    );
    const withSameAddress = await new TestClient(t.app).post(
      '/api/auth/signup',
      newAccount({ email: account.email, username: account.username }),
    );
    expect(withNewAddress.status).toBe(409);
    expect(withSameAddress.body).toEqual(withNewAddress.body);
    expect(withNewAddress.body.error.code).toBe('username_taken');
  });
});

describe('a host whose address is not verified yet', () => {
  it('can log in and set up, but their public pages answer as for an unknown host until they verify', async () => {
    const { account, verifyToken } = await registered();
    const host = await loggedIn(account);
    expect((await host.get('/api/me')).body.user.emailVerified).toBe(false);
    await host.request('PUT', '/api/meetings/availability', {
      timeZone: 'UTC',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      overrides: [],
    });
    const type = await host.post('/api/meetings/types', {
      title: 'Intro call',
      slug: 'intro',
      durationMinutes: 30,
      minimumNoticeMinutes: 0,
    });
    expect(type.status).toBe(201);

    const day = utcDay(3);
    const range = `from=${at(day, '00:00')}&to=${at(utcDay(4), '00:00')}`;
    const visitor = new TestClient(t.app);
    const pages = (username: string) => [
      visitor.get(`/api/public/users/${username}`),
      visitor.get(`/api/public/users/${username}/types/intro`),
      visitor.get(`/api/meetings/slots?user=${username}&type=intro&${range}`),
      visitor.get(`/api/meetings/slots/stream?user=${username}&type=intro`),
      visitor.post('/api/meetings/book', bookingBody(username, at(day, '10:00'))),
    ];
    const hidden = await Promise.all(pages(account.username));
    const unknown = await Promise.all(pages('no-such-host-here'));
    expect(hidden.map((r) => r.status)).toEqual([404, 404, 404, 404, 404]);
    expect(hidden.map((r) => r.body)).toEqual(unknown.map((r) => r.body));

    const browser = new TestClient(t.app);
    const verified = await browser.post('/api/auth/email/verify', { token: verifyToken });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ emailVerified: true, signedIn: true });
    expect((await browser.get('/api/me')).body.user).toMatchObject({ email: account.email, emailVerified: true });

    expect((await visitor.get(`/api/public/users/${account.username}`)).status).toBe(200);
    const slots = await visitor.get(`/api/meetings/slots?user=${account.username}&type=intro&${range}`);
    expect(slots.status).toBe(200);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    expect((await visitor.post('/api/meetings/book', bookingBody(account.username, at(day, '10:00')))).status).toBe(
      201,
    );

    const reused = await new TestClient(t.app).post('/api/auth/email/verify', { token: verifyToken });
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('verification_link_invalid');
  });

  it('can ask for a new link a few times an hour, which voids the earlier one', async () => {
    const { account, verifyToken } = await registered();
    const host = await loggedIn(account);
    const resent = await host.post('/api/me/email/verification');
    expect(resent.status).toBe(202);
    expect(resent.body.message).toContain(account.email);
    const [, second] = await waitForMail(t, account.email, 2);
    expect((await host.post('/api/me/email/verification')).status).toBe(202);
    // The sign-up's link and two resends make three in an hour: the cap.
    const capped = await host.post('/api/me/email/verification');
    expect(capped.status).toBe(429);
    expect(capped.body.error.code).toBe('too_many_emails');
    expect(capped.headers['retry-after']).toBeDefined();

    expect((await new TestClient(t.app).post('/api/auth/email/verify', { token: verifyToken })).status).toBe(400);
    const [, , third] = await waitForMail(t, account.email, 3);
    expect(
      (await new TestClient(t.app).post('/api/auth/email/verify', { token: linkToken(second!, '/verify-email') }))
        .status,
    ).toBe(400);
    expect(
      (await new TestClient(t.app).post('/api/auth/email/verify', { token: linkToken(third!, '/verify-email') }))
        .status,
    ).toBe(200);
    const done = await host.post('/api/me/email/verification');
    expect(done.status).toBe(409);
    expect(done.body.error.code).toBe('email_already_verified');
  });

  it('is verified but not signed in by the link when two-factor is on', async () => {
    const { account, verifyToken } = await registered();
    const host = await loggedIn(account);
    const { secret } = (await host.post('/api/me/totp/setup')).body;
    await host.post('/api/me/totp/enable', { code: await generate({ secret }) });
    const browser = new TestClient(t.app);
    const res = await browser.post('/api/auth/email/verify', { token: verifyToken });
    expect(res.body).toEqual({ emailVerified: true, signedIn: false });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await host.get('/api/me')).body.user.emailVerified).toBe(true);
  });
});
