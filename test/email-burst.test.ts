import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, meetingBookings } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';
import { startSmtpServer } from './helpers/smtp.js';

const CAP = 3;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
/** Coalesces with a window longer than any burst here, and lets one booking change often enough to make one. */
let t: TestApp;
/** The same database with the default rate limits. */
let limited: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://meet.example.com',
      EMAIL_COALESCE_SECONDS: '600',
      EMAIL_MAX_PER_RECIPIENT_PER_HOUR: String(CAP),
      INVITEE_CHANGES_PER_BOOKING_PER_HOUR: '1000',
    },
  });
  limited = await createTestApp({ db: t.db, runWorkers: false });
});
afterAll(async () => {
  await limited.close();
  await t.close();
  await smtp.close();
});

const day = utcDay(9);
const to = (address: string) => (m: ParsedMail) => JSON.stringify(m.to ?? '').includes(address);
const uniqueEmail = (name: string) => `${name}-${randomBytes(4).toString('hex')}@example.com`;

async function outboxOf(bookingUid: string) {
  const [booking] = await t.db.db
    .select({ id: meetingBookings.id })
    .from(meetingBookings)
    .where(eq(meetingBookings.uid, bookingUid));
  return t.db.db.select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking!.id));
}

/** Waits until `n` messages to the address have left the sender's hands, sent or given up. */
async function settled(address: string, n: number) {
  for (;;) {
    const rows = await t.db.db
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, address), sql`${emailOutbox.status} in ('sent', 'dead')`));
    if (rows.length >= n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function invitationText(m: ParsedMail) {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part, `no calendar part in "${m.subject}"`).toBeDefined();
  return part!.content.toString('utf8');
}

describe('a burst of changes to one booking', () => {
  it('sends a handful of e-mails for 100 reschedules, the last with the final time and highest SEQUENCE', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('burst');
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '10:00'), { invitee: { name: 'Burst', email: invitee } }),
    );
    expect(booked.status).toBe(201);
    const { uid, links } = booked.body.booking;
    const token = new URL(links.manage).searchParams.get('token')!;
    // The confirmation goes out at once.
    await smtp.waitFor(1, to(invitee));
    await smtp.waitFor(1, to(host.user.email));

    let last;
    for (let i = 0; i < 100; i++) {
      // A new client each time: a fresh IP, so only the per-booking limit (raised here) applies.
      last = await new TestClient(t.app).post(`/api/meetings/bookings/${uid}/reschedule`, {
        token,
        start: at(day, i % 2 ? '10:00' : '14:00'),
      });
      expect(last.status).toBe(200);
    }
    const finalStart = last!.body.booking.start as string;
    expect(finalStart).toBe(at(day, '10:00'));

    // The burst is over: skip the rest of the window instead of waiting it out, then send what is due.
    await t.db.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(and(eq(emailOutbox.status, 'pending'), sql`${emailOutbox.toAddress} in (${invitee}, ${host.user.email})`));
    await t.services.notifications.dispatchDue();
    const [, latest] = await smtp.waitFor(2, to(invitee));
    const [, hostLatest] = await smtp.waitFor(2, to(host.user.email));

    const rows = await outboxOf(uid);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(rows.filter((r) => r.status === 'superseded')).toHaveLength(2 * 99);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(0);
    expect(smtp.messages.filter(to(invitee))).toHaveLength(2);
    expect(smtp.messages.filter(to(host.user.email))).toHaveLength(2);

    for (const m of [latest!, hostLatest!]) {
      expect(m.subject).toMatch(/^Rescheduled: /);
      const ics = invitationText(m);
      expect(ics).toMatch(/^SEQUENCE:100\r?$/m);
      expect(ics).toMatch(new RegExp(`^DTSTART:${finalStart.replace(/[-:]/g, '').replace('.000', '')}`, 'm'));
    }
    // A hundred booking changes take a while on a busy machine with PGlite.
  }, 300_000);

  it('keeps replaced messages out of the host’s e-mail log unless asked for', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('log');
    const { uid, links } = (
      await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '11:00'), { invitee: { name: 'Log', email: invitee } }),
      )
    ).body.booking;
    const token = new URL(links.manage).searchParams.get('token')!;
    await settled(invitee, 1);
    for (const start of ['15:00', '11:00']) {
      const moved = await new TestClient(t.app).post(`/api/meetings/bookings/${uid}/reschedule`, {
        token,
        start: at(day, start),
      });
      expect(moved.status).toBe(200);
    }
    const mine = (list: { to: string; status: string }[]) => list.filter((m) => m.to === invitee);
    const log = (await host.client.get('/api/notifications/messages')).body.messages;
    expect(mine(log).map((m) => m.status)).toEqual(['pending', 'sent']);
    const replaced = (await host.client.get('/api/notifications/messages?status=superseded')).body.messages;
    expect(mine(replaced)).toHaveLength(1);
  });
});

describe('the recipient cap', () => {
  it('does not send more than the hourly cap to one address and tells the host why', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('capped');
    for (const [i, hhmm] of ['09:00', '09:30', '10:30', '12:00'].entries()) {
      const res = await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, hhmm), { invitee: { name: 'Cap', email: invitee.toUpperCase() } }),
      );
      expect(res.status).toBe(201);
      await settled(invitee, i + 1);
    }
    const dead = (await host.client.get('/api/notifications/messages?status=dead')).body.messages;
    expect(dead.filter((m: { to: string }) => m.to === invitee)).toEqual([
      expect.objectContaining({
        to: invitee,
        status: 'dead',
        lastError: expect.stringMatching(new RegExp(`already got ${CAP} e-mails .* past hour`)),
      }),
    ]);
    expect(smtp.messages.filter(to(invitee))).toHaveLength(CAP);
  });
});

describe('rate limits on anonymous booking changes', () => {
  it('answers 429 with Retry-After after 10 changes to one booking in an hour, from any IP', async () => {
    const host = await hostWithType(limited.app);
    const { uid, links } = (
      await new TestClient(limited.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '13:00'), { invitee: { name: 'L', email: uniqueEmail('limit') } }),
      )
    ).body.booking;
    const token = new URL(links.manage).searchParams.get('token')!;
    for (let i = 0; i < 10; i++) {
      const res = await new TestClient(limited.app).post(`/api/meetings/bookings/${uid}/reschedule`, {
        token,
        start: at(day, i % 2 ? '13:00' : '16:00'),
      });
      expect(res.status).toBe(200);
    }
    const refused = await new TestClient(limited.app).post(`/api/meetings/bookings/${uid}/cancel`, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const [booking] = await t.db.db.select().from(meetingBookings).where(eq(meetingBookings.uid, uid));
    expect(booking!.status).toBe('confirmed');
  });

  it('answers 429 after 30 invitee changes from one IP in an hour', async () => {
    const client = new TestClient(limited.app);
    const attempt = () =>
      client.post(`/api/meetings/bookings/${randomBytes(15).toString('hex')}/cancel`, { token: 'not-a-token' });
    for (let i = 0; i < 30; i++) expect((await attempt()).status).toBe(404);
    expect((await attempt()).status).toBe(429);
  });

  it('answers 429 after 10 booking attempts from one IP in a minute', async () => {
    const client = new TestClient(limited.app);
    const attempt = () => client.post('/api/meetings/book', bookingBody('nobody-here', at(day, '10:00')));
    for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(404);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
