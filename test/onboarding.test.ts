import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingTypes, users } from '../src/db/schema/index.js';
import { linkToken, waitForMail } from './helpers/account-mail.js';
import { createTestApp, newAccount, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { createTestDb, type TestDb } from './helpers/db.js';

let db: TestDb;
let t: TestApp;
let verifying: TestApp;
beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp({ db });
  verifying = await createTestApp({ db, env: { EMAIL_VERIFICATION: 'required' } });
});
afterAll(async () => {
  await Promise.all([t.close(), verifying.close()]);
  await db.destroy();
});

const DAY = 86_400_000;
/** The Monday at least a week ahead, as a UTC date: past any notice, inside the booking window. */
function mondayAhead() {
  const d = new Date(Date.now() + 7 * DAY);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

describe('a new host starts ready to be booked', () => {
  it('gets a 30-minute Jitsi meeting type on weekday hours, 09:00–17:00 in their zone', async () => {
    const host = await signedUpClient(t.app, { timeZone: 'America/New_York' });
    const types = (await host.client.get('/api/meetings/types')).body.meetingTypes;
    expect(types).toEqual([
      expect.objectContaining({
        title: '30 minute meeting',
        slug: '30min',
        durationMinutes: 30,
        location: { type: 'jitsi' },
        isActive: true,
        isSecret: false,
      }),
    ]);
    const availability = (await host.client.get('/api/meetings/availability')).body;
    expect(availability).toMatchObject({ timeZone: 'America/New_York', overrides: [] });
    expect(availability.weekly).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })));

    // Its booking link offers those hours: 09:00 to 16:30 New York time on a Monday.
    const day = mondayAhead();
    const slots = await new TestClient(t.app).get(
      `/api/meetings/slots?user=${host.user.username}&type=30min&from=${day}T00:00:00Z&to=${day}T23:59:59Z&timeZone=UTC`,
    );
    expect(slots.status).toBe(200);
    const local = slots.body.slots.map((s: { start: string }) =>
      new Date(s.start).toLocaleTimeString('en-GB', {
        timeZone: 'America/New_York',
        hour: '2-digit',
        minute: '2-digit',
      }),
    );
    expect(local[0]).toBe('09:00');
    expect(local.at(-1)).toBe('16:30');
    expect(local).toHaveLength(16);
  });

  it('gets the same when the operator makes the account, but not the demo host, who has its own types', async () => {
    const account = newAccount();
    const { user } = await t.services.accounts.admin.createUser(account, 'a chosen password');
    const rows = await t.db.db.select().from(meetingTypes).where(eq(meetingTypes.hostUserId, user.id));
    expect(rows.map((r) => r.slug)).toEqual(['30min']);

    const own = await t.services.accounts.admin.createUser(newAccount(), 'a chosen password', { starter: false });
    expect(await t.db.db.select().from(meetingTypes).where(eq(meetingTypes.hostUserId, own.user.id))).toEqual([]);
  });

  it('gets it with verification required too, by the time the address is verified', async () => {
    const account = newAccount();
    expect((await new TestClient(verifying.app).post('/api/auth/signup', account)).status).toBe(202);
    const [mail] = await waitForMail(verifying, account.email, 1);
    const client = new TestClient(verifying.app);
    const verified = await client.post('/api/auth/email/verify', { token: linkToken(mail!, '/verify-email') });
    expect(verified.body).toEqual({ emailVerified: true, signedIn: true });
    const types = (await client.get('/api/meetings/types')).body.meetingTypes;
    expect(types.map((type: { slug: string }) => type.slug)).toEqual(['30min']);
  });
});

describe('the first-run guide', () => {
  it('starts unfinished for a new host, with the steps this server has', async () => {
    const host = await signedUpClient(t.app);
    const me = await host.client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe(host.user.username);
    expect(me.body.onboarding).toEqual({
      steps: ['profile', 'availability', 'link'],
      done: [],
      dismissedAt: null,
      finishedAt: null,
    });
  });

  it('records steps in any order, once, and finishes when the last is done', async () => {
    const host = await signedUpClient(t.app);
    const mark = (body: unknown) => host.client.request('PATCH', '/api/me/onboarding', body);
    expect((await mark({ done: 'link' })).body.onboarding.done).toEqual(['link']);
    await Promise.all([mark({ done: 'profile' }), mark({ done: 'profile' })]);
    const two = (await host.client.get('/api/me')).body.onboarding;
    expect(two).toMatchObject({ done: ['profile', 'link'], finishedAt: null });
    const last = (await mark({ done: 'availability' })).body.onboarding;
    expect(last.done).toEqual(['profile', 'availability', 'link']);
    expect(Date.parse(last.finishedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await mark({ done: 'availability' })).body.onboarding.finishedAt).toBe(last.finishedAt);
  });

  it('is skipped for now and resumed where it was left', async () => {
    const host = await signedUpClient(t.app);
    const mark = (body: unknown) => host.client.request('PATCH', '/api/me/onboarding', body);
    await mark({ done: 'profile' });
    const skipped = (await mark({ dismissed: true })).body.onboarding;
    expect(skipped).toMatchObject({ done: ['profile'], dismissedAt: expect.any(String), finishedAt: null });
    const resumed = (await mark({ dismissed: false })).body.onboarding;
    expect(resumed).toMatchObject({ done: ['profile'], dismissedAt: null, finishedAt: null });
  });

  it('refuses a step it does not have yet, and malformed changes, changing nothing', async () => {
    const host = await signedUpClient(t.app);
    const mark = (body: unknown) => host.client.request('PATCH', '/api/me/onboarding', body);
    const calendar = await mark({ done: 'calendar' });
    expect(calendar.status).toBe(422);
    expect(calendar.body.error.details.fields.done).toMatch(/not part of the guide/);
    for (const body of [{}, { done: 'everything' }, { dismissed: 'yes' }]) {
      const res = await mark(body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await host.client.get('/api/me')).body.onboarding.done).toEqual([]);
    expect((await new TestClient(t.app).request('PATCH', '/api/me/onboarding', { dismissed: true })).status).toBe(401);
  });

  it('is finished already for hosts from before it existed', async () => {
    const host = await signedUpClient(t.app);
    await t.db.db
      .update(users)
      .set({ onboarding: { finishedAt: '2026-01-01T00:00:00.000Z' } })
      .where(eq(users.id, host.user.id));
    expect((await host.client.get('/api/me')).body.onboarding).toEqual({
      steps: ['profile', 'availability', 'link'],
      done: [],
      dismissedAt: null,
      finishedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('confirming the username in the guide', () => {
  it('moves the booking links to a new username; a taken one is 409 and changes nothing', async () => {
    const host = await signedUpClient(t.app);
    const other = await signedUpClient(t.app);
    const fresh = `renamed-${host.user.username}`.slice(0, 30);
    const taken = await host.client.request('PATCH', '/api/me', { username: other.user.username });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('username_taken');
    expect((await host.client.get('/api/me')).body.user.username).toBe(host.user.username);

    const renamed = await host.client.request('PATCH', '/api/me', { username: fresh, timeZone: 'Asia/Tokyo' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.user).toMatchObject({ username: fresh, timeZone: 'Asia/Tokyo' });
    const visitor = new TestClient(t.app);
    expect((await visitor.get(`/api/public/users/${fresh}/types/30min`)).status).toBe(200);
    expect((await visitor.get(`/api/public/users/${host.user.username}/types/30min`)).status).toBe(404);

    // The old name is free again, for sign-up too (the organization sign-up named after it was renamed).
    const reuse = await new TestClient(t.app).post('/api/auth/signup', newAccount({ username: host.user.username }));
    expect(reuse.status).toBe(201);
    expect((await host.client.request('PATCH', '/api/me', { username: 'Not Valid' })).status).toBe(422);
  });
});
