import { createHash, randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RESET_MAIL_JOB } from '../src/modules/identity/password-reset.service.js';
import { jobsSettled, linkToken, waitForMail } from './helpers/account-mail.js';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { createTestDb, type TestDb } from './helpers/db.js';

let db: TestDb;
let t: TestApp;
const time = testClock(new Date());
beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp({ db, clock: time.clock });
});
afterAll(async () => {
  await t.close();
  await db.destroy();
});

const unknownAddress = () => `nobody-${randomBytes(6).toString('hex')}@example.com`;
const forgot = (email: string, client = new TestClient(t.app)) => client.post('/api/auth/password/forgot', { email });
const reset = (token: string, password: string) =>
  new TestClient(t.app).post('/api/auth/password/reset', { token, password });
const login = (email: string, password: string) => new TestClient(t.app).post('/api/auth/login', { email, password });

/** Headers that differ between any two answers whatever they are about. */
const VOLATILE = new Set(['date', 'x-request-id']);
const stableHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !VOLATILE.has(name)));

describe('forgot password', () => {
  it('answers an unknown address exactly as a registered one, and mails only the registered one', async () => {
    const { account } = await signedUpClient(t.app);
    const nobody = unknownAddress();
    const unknown = await forgot(nobody);
    const known = await forgot(account.email.toUpperCase());
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(stableHeaders(known.headers)).toEqual(stableHeaders(unknown.headers));

    const [mail] = await waitForMail(t, account.email, 1);
    await jobsSettled(t, PASSWORD_RESET_MAIL_JOB);
    expect(await t.services.notifications.devOutbox(nobody)).toEqual([]);
    expect(await t.services.notifications.devOutbox(account.email)).toHaveLength(1);
    expect(mail!.subject).toBe('Reset your TuskHub password');
    expect(mail!.text).toContain(`${t.config.publicUrl}/reset-password?token=`);
    expect(mail!.html).toContain('Choose a new password');
    expect(mail!.html).toContain('If the button does not work');
  });

  it('stores the token only as its SHA-256 hash', async () => {
    const { account, user } = await signedUpClient(t.app);
    await forgot(account.email);
    const token = linkToken((await waitForMail(t, account.email, 1))[0]!, '/reset-password');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const { rows } = await t.db.executeSql('select token_hash from account_tokens where user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect((rows[0] as { token_hash: string }).token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('sends at most three links an hour to one account, and limits requests per address and per IP', async () => {
    const { account } = await signedUpClient(t.app);
    for (let i = 0; i < 4; i++) expect((await forgot(account.email)).status).toBe(202);
    await waitForMail(t, account.email, 3);
    await jobsSettled(t, PASSWORD_RESET_MAIL_JOB);
    expect(await t.services.notifications.devOutbox(account.email)).toHaveLength(3);
    // The fifth request passes the per-address limit; the sixth does not, for a known and an unknown address alike.
    expect((await forgot(account.email)).status).toBe(202);
    const overKnown = await forgot(account.email);
    const nobody = unknownAddress();
    for (let i = 0; i < 5; i++) await forgot(nobody);
    const overUnknown = await forgot(nobody);
    expect(overKnown.status).toBe(429);
    expect(overUnknown.status).toBe(429);
    expect(overKnown.body.error.code).toBe('rate_limited');
    expect(overUnknown.body).toEqual(overKnown.body);

    const sameIp = new TestClient(t.app);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await forgot(unknownAddress(), sameIp)).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('reset password', () => {
  it('sets the new password, ends every session, and works once', async () => {
    const { client, account } = await signedUpClient(t.app);
    const other = new TestClient(t.app);
    await other.post('/api/auth/login', { email: account.email, password: account.password });
    const api = new TestClient(t.app);
    api.bearer = (await client.post('/api/api-keys', { name: 'integration' })).body.key;

    await forgot(account.email);
    const token = linkToken((await waitForMail(t, account.email, 1))[0]!, '/reset-password');
    const res = await reset(token, 'a brand new password');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    expect((await client.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(401);
    // API keys are not sessions: integrations keep working, and the owner can revoke keys in settings.
    expect((await api.get('/api/me')).status).toBe(200);
    expect((await login(account.email, account.password)).status).toBe(401);
    expect((await login(account.email, 'a brand new password')).status).toBe(200);

    const again = await reset(token, 'yet another password');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('reset_link_invalid');
    expect((await login(account.email, 'yet another password')).status).toBe(401);
  });

  it('refuses an expired link and an unknown one with the same answer', async () => {
    const { account } = await signedUpClient(t.app);
    await forgot(account.email);
    const token = linkToken((await waitForMail(t, account.email, 1))[0]!, '/reset-password');
    time.advance(61 * 60_000);
    const expired = await reset(token, 'a brand new password');
    const unknown = await reset(randomBytes(32).toString('base64url'), 'a brand new password');
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual(unknown.body);
    expect(expired.body.error).toMatchObject({ code: 'reset_link_invalid' });
    expect((await login(account.email, account.password)).status).toBe(200);
  });

  it('voids a link when a newer one is sent', async () => {
    const { account } = await signedUpClient(t.app);
    await forgot(account.email);
    const first = linkToken((await waitForMail(t, account.email, 1))[0]!, '/reset-password');
    await forgot(account.email);
    const second = linkToken((await waitForMail(t, account.email, 2))[1]!, '/reset-password');
    expect((await reset(first, 'a brand new password')).status).toBe(400);
    expect((await reset(second, 'a brand new password')).status).toBe(200);
  });

  it('lets only one of two resets racing with one link through', async () => {
    const { account } = await signedUpClient(t.app);
    await forgot(account.email);
    const token = linkToken((await waitForMail(t, account.email, 1))[0]!, '/reset-password');
    const results = await Promise.all([reset(token, 'first racer password'), reset(token, 'second racer password')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('keeps two-factor on, drops a set-up that was never finished, and counts as proof of the address', async () => {
    const withTotp = await signedUpClient(t.app);
    const { secret } = (await withTotp.client.post('/api/me/totp/setup')).body;
    // TOTP codes follow the real clock, not the services' one that this file moves.
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect((await withTotp.client.post('/api/me/totp/enable', { code: previous })).status).toBe(200);
    await forgot(withTotp.account.email);
    const token = linkToken((await waitForMail(t, withTotp.account.email, 1))[0]!, '/reset-password');
    expect((await reset(token, 'a brand new password')).status).toBe(200);
    const withoutCode = await login(withTotp.account.email, 'a brand new password');
    expect(withoutCode.body.error.code).toBe('totp_required');

    const pending = await signedUpClient(t.app);
    expect((await pending.client.post('/api/me/totp/setup')).status).toBe(200);
    await forgot(pending.account.email);
    const pendingToken = linkToken((await waitForMail(t, pending.account.email, 1))[0]!, '/reset-password');
    expect((await reset(pendingToken, 'a brand new password')).status).toBe(200);
    const { rows } = await t.db.executeSql('select totp_secret_sealed, email_verified_at from users where id = $1', [
      pending.user.id,
    ]);
    expect(rows[0]).toMatchObject({ totp_secret_sealed: null });
    expect((rows[0] as { email_verified_at: unknown }).email_verified_at).not.toBeNull();
    const fresh = new TestClient(t.app);
    await fresh.post('/api/auth/login', { email: pending.account.email, password: 'a brand new password' });
    expect((await fresh.post('/api/me/totp/enable', { code: '123456' })).body.error.code).toBe('totp_not_set_up');
  });

  it('refuses a weak new password with 422 naming the field', async () => {
    const res = await reset('whatever', 'short');
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields).toHaveProperty('password');
  });
});
