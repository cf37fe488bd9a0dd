import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newAccount, TestClient, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { createTestDb, type TestDb } from './helpers/db.js';

let db: TestDb;
let closed: TestApp;
let invite: TestApp;
let open: TestApp;
const time = testClock(new Date());
beforeAll(async () => {
  db = await createTestDb();
  closed = await createTestApp({ db, env: { SIGNUP: 'closed' } });
  invite = await createTestApp({ db, env: { SIGNUP: 'invite' }, clock: time.clock });
  open = await createTestApp({ db });
});
afterAll(async () => {
  await Promise.all([closed.close(), invite.close(), open.close()]);
  await db.destroy();
});

const signup = (t: TestApp, body: Record<string, unknown>) => new TestClient(t.app).post('/api/auth/signup', body);
const invitationFor = async (email: string) =>
  new URL(await invite.services.accounts.admin.invite(email)).searchParams.get('invite')!;

describe('SIGNUP=closed', () => {
  it('refuses every sign-up with 403 signup_closed', async () => {
    const res = await signup(closed, newAccount());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('signup_closed');
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('SIGNUP=invite', () => {
  it('needs an invitation, bound to its address, used once', async () => {
    const account = newAccount();
    const without = await signup(invite, account);
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('invite_required');

    const token = await invitationFor(account.email);
    expect(token.length).toBeGreaterThanOrEqual(22);
    const elsewhere = await signup(invite, { ...newAccount(), invite: token });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.code).toBe('invite_invalid');

    const accepted = await signup(invite, { ...account, email: account.email.toUpperCase(), invite: token });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.email).toBe(account.email);

    const again = await signup(invite, { ...newAccount({ email: account.email }), invite: token });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('invite_invalid');
  });

  it('keeps the invitation when the sign-up fails for another reason', async () => {
    const taken = newAccount();
    await signup(invite, { ...taken, invite: await invitationFor(taken.email) });
    const account = newAccount();
    const token = await invitationFor(account.email);
    const clash = await signup(invite, { ...account, username: taken.username, invite: token });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('username_taken');
    expect((await signup(invite, { ...account, invite: token })).status).toBe(201);
  });

  it('expires after seven days, and a newer invitation to the address voids the older one', async () => {
    const account = newAccount();
    const old = await invitationFor(account.email);
    const newer = await invitationFor(account.email);
    expect((await signup(invite, { ...account, invite: old })).body.error.code).toBe('invite_invalid');
    time.advance(7 * 86_400_000 + 60_000);
    expect((await signup(invite, { ...account, invite: newer })).body.error.code).toBe('invite_invalid');
    expect((await signup(invite, { ...account, invite: await invitationFor(account.email) })).status).toBe(201);
  });

  it('is not made for an address that has an account', async () => {
    const account = newAccount();
    await signup(invite, { ...account, invite: await invitationFor(account.email) });
    await expect(invite.services.accounts.admin.invite(account.email)).rejects.toMatchObject({ code: 'email_taken' });
  });
});

describe('SIGNUP=open (the default outside production)', () => {
  it('signs up without an invitation and ignores one in the link', async () => {
    expect((await signup(open, newAccount())).status).toBe(201);
    expect((await signup(open, { ...newAccount(), invite: 'stale-or-made-up' })).status).toBe(201);
  });
});

describe('the API document', () => {
  it('lists the account routes with their answers', async () => {
    const { body } = await new TestClient(open.app).get('/api/openapi.json');
    const paths = body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/auth/signup']!.post!.responses)).toEqual(
      expect.arrayContaining(['201', '202', '403', '409', '422', '429']),
    );
    expect(paths['/api/auth/password/reset']!.post!.responses).toHaveProperty('400');
    expect(paths['/api/auth/password/forgot']!.post!.responses).toHaveProperty('202');
    expect(paths['/api/auth/password/reset']!.post!.responses).toHaveProperty('200');
    expect(paths['/api/auth/email/verify']!.post!.responses).toHaveProperty('200');
    expect(paths['/api/me/email/verification']!.post!.responses).toHaveProperty('202');
    expect(paths['/api/me/totp/recovery-codes']!.post!.responses).toHaveProperty('200');
    expect(paths['/api/me/totp/recovery-codes']!.get!.responses).toHaveProperty('200');
    expect(JSON.stringify(paths['/api/auth/password/reset'])).toContain('reset_link_invalid');
  });
});
