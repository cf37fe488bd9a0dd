import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
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
  const res = await new TestClient(t.app).get(`/api/dev/outbox?to=${encodeURIComponent(invitee.toUpperCase())}`);
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
    expect((await new TestClient(withSmtp.app).get('/api/dev/outbox')).status).toBe(404);
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
