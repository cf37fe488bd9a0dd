import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;

/** A caller on the server's own machine: the every-account development mailbox answers only those. */
const localClient = (app: TestApp) => new TestClient(app.app, '127.0.0.1');
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('shows queued e-mails with their invitation in the development mailbox when no SMTP is configured', async () => {
  const host = await hostWithType(t.app);
  const invitee = `dev-${Date.now()}@example.com`;
  await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(host.user.username, at(utcDay(8), '10:00'), { invitee: { name: 'Dev', email: invitee } }),
  );
  const res = await localClient(t).get(`/api/dev/outbox?to=${encodeURIComponent(invitee.toUpperCase())}`);
  expect(res.status).toBe(200);
  expect(res.body.messages).toHaveLength(1);
  const [m] = res.body.messages;
  expect(m).toMatchObject({
    to: invitee,
    status: 'pending',
    subject: expect.stringMatching(/^Confirmed: Intro call with /),
  });
  expect(m.html).toContain('<h1');
  expect(m.attachments[0].contentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
  expect(Buffer.from(m.attachments[0].contentBase64, 'base64').toString()).toMatch(/^BEGIN:VCALENDAR/);
});

it('hides the development mailbox when SMTP is configured', async () => {
  const withSmtp = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9' }, runWorkers: false });
  try {
    expect((await localClient(withSmtp).get('/api/dev/outbox')).status).toBe(404);
    expect((await new TestClient(withSmtp.app).get('/api/dev/mailbox')).body).toEqual({ enabled: false });
    expect((await new TestClient(t.app).get('/api/dev/mailbox')).body).toEqual({ enabled: true });
  } finally {
    await withSmtp.close();
  }
});

it('lets the host see their organization’s messages that gave up, and no one else’s', async () => {
  const host = await hostWithType(t.app);
  const stranger = await hostWithType(t.app);
  const invitee = `dead-${Date.now()}@example.com`;
  await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(host.user.username, at(utcDay(8), '11:00'), { invitee: { name: 'D', email: invitee } }),
  );
  await t.db.db.execute(
    sql`update email_outbox set status = 'dead', last_error = 'Mailbox does not exist' where to_address = ${invitee}`,
  );
  const dead = await host.client.get('/api/notifications/messages?status=dead');
  expect(dead.status).toBe(200);
  expect(dead.body.messages).toEqual([
    expect.objectContaining({ to: invitee, status: 'dead', lastError: 'Mailbox does not exist' }),
  ]);
  expect(dead.body.messages[0]).not.toHaveProperty('html');
  expect((await stranger.client.get('/api/notifications/messages?status=dead')).body.messages).toEqual([]);
});

it('answers the every-account mailbox only on this machine, never through a proxy', async () => {
  const remote = await new TestClient(t.app).get('/api/dev/outbox');
  expect(remote.status).toBe(403);
  expect(remote.body.error.code).toBe('loopback_only');
  const proxied = await localClient(t).request('GET', '/api/dev/outbox', undefined, {
    'x-forwarded-for': '203.0.113.9',
  });
  expect(proxied.status).toBe(403);
  expect((await localClient(t).get('/api/dev/outbox')).status).toBe(200);
});

it('shows a signed-in host the mailbox of their own organization only', async () => {
  const host = await hostWithType(t.app);
  const other = await hostWithType(t.app);
  const mine = `mine-${Date.now()}@example.com`;
  const theirs = `theirs-${Date.now()}@example.com`;
  await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(host.user.username, at(utcDay(9), '10:00'), { invitee: { name: 'Mine', email: mine } }),
  );
  await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(other.user.username, at(utcDay(9), '10:00'), { invitee: { name: 'Theirs', email: theirs } }),
  );
  const box = await host.client.get('/api/notifications/mailbox');
  expect(box.status).toBe(200);
  const recipients = box.body.messages.map((m: { to: string }) => m.to);
  expect(recipients).toContain(mine);
  expect(recipients).toContain(host.user.email);
  expect(recipients).not.toContain(theirs);
  expect(recipients).not.toContain(other.user.email);
  expect(box.body.messages[0].html).toContain('<h1');
  expect((await host.client.get(`/api/notifications/mailbox?to=${encodeURIComponent(theirs)}`)).body.messages).toEqual(
    [],
  );
  expect((await new TestClient(t.app).get('/api/notifications/mailbox')).status).toBe(401);
});
