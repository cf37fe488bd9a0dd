import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, meetingBookings } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';
import { startSmtpServer } from './helpers/smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://meet.example.com' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const day = utcDay(6);
const to = (address: string) => (m: ParsedMail) => m.to !== undefined && JSON.stringify(m.to).includes(address);

/** The calendar part of a message, parsed as a calendar app would. */
function invitation(m: ParsedMail) {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part, `no text/calendar part in "${m.subject}"`).toBeDefined();
  const text = part!.content.toString('utf8');
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
  return { text, method: /^METHOD:(\w+)/m.exec(text)?.[1], event };
}

describe('booking e-mails with calendar invitations', () => {
  it('sends REQUEST on booking and reschedule and CANCEL on cancellation, same UID, rising SEQUENCE', async () => {
    const host = await hostWithType(t.app, {
      questions: [{ id: 'topic', label: 'Topic', type: 'text', required: false }],
    });
    const invitee = `ivy-${Date.now()}@example.com`;
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '10:00'), {
        invitee: { name: 'Ivy Invitee', email: invitee },
        answers: { topic: 'Budget <2027>' },
      }),
    );
    expect(booked.status).toBe(201);
    const b = booked.body.booking;

    const [confirmation] = await smtp.waitFor(1, to(invitee));
    const [hostMail] = await smtp.waitFor(1, to(host.user.email));
    const hostName = `Host ${host.user.username.slice('host-'.length)}`;
    expect(confirmation!.subject).toBe(`Confirmed: Intro call with ${hostName}`);
    // One Message-ID per outbox row, so receivers can drop the copy a crash between send and bookkeeping makes.
    expect(confirmation!.messageId).toMatch(/^<[0-9a-f-]{36}@meet\.example\.com>$/);
    expect(hostMail!.messageId).not.toBe(confirmation!.messageId);
    expect(hostMail!.subject).toBe('New booking: Intro call with Ivy Invitee');
    expect(confirmation!.text).toContain(b.links.reschedule);
    expect(confirmation!.text).toContain(b.location.url);
    expect(confirmation!.text).toContain('Topic: Budget <2027>');
    expect(confirmation!.html).toContain('Budget &lt;2027&gt;');
    // Localised to the invitee's zone (America/New_York): 10:00 UTC is 05:00 or 06:00 there.
    expect(confirmation!.text).toMatch(/(05|06):00–(05|06):30 Eastern (Standard|Daylight) Time \(GMT-[45]\)/);
    expect(hostMail!.text).toMatch(/10:00–10:30 Coordinated Universal Time \(GMT\+0\)/);

    const first = invitation(confirmation!);
    expect(first.method).toBe('REQUEST');
    expect(first.event.uid).toBe(`${b.uid}@meet.example.com`);
    expect(first.text).toMatch(/^SEQUENCE:0/m);
    expect(first.text).toMatch(new RegExp(`^DTSTART:${b.start.replace(/[-:]/g, '').replace('.000', '')}`, 'm'));
    expect(first.event.start.toISOString()).toBe(b.start);
    expect(first.event.end?.toISOString()).toBe(b.end);
    expect(String((first.event.organizer as { val: string }).val).toLowerCase()).toBe(`mailto:${host.user.email}`);
    expect(JSON.stringify(first.event.attendee)).toContain(invitee);
    expect(first.event.location).toBe(b.location.url);
    expect(first.text).toMatch(/BEGIN:VALARM/);
    expect(invitation(hostMail!).event.uid).toBe(first.event.uid);

    const token = new URL(b.links.manage).searchParams.get('token')!;
    const moved = await new TestClient(t.app).post(`/api/meetings/bookings/${b.uid}/reschedule`, {
      token,
      start: at(day, '14:00'),
    });
    expect(moved.status).toBe(200);
    const rescheduled = (await smtp.waitFor(2, to(invitee)))[1]!;
    expect(rescheduled.subject).toMatch(/^Rescheduled: /);
    const second = invitation(rescheduled);
    expect(second.method).toBe('REQUEST');
    expect(second.event.uid).toBe(first.event.uid);
    expect(second.text).toMatch(/^SEQUENCE:1/m);
    expect(second.event.start.toISOString()).toBe(moved.body.booking.start);

    const cancelled = await new TestClient(t.app).post(`/api/meetings/bookings/${b.uid}/cancel`, {
      token,
      reason: 'Travel',
    });
    expect(cancelled.status).toBe(200);
    const cancelMail = (await smtp.waitFor(3, to(invitee)))[2]!;
    expect(cancelMail.subject).toMatch(/^Cancelled: /);
    expect(cancelMail.text).toContain('Reason: Travel');
    const third = invitation(cancelMail);
    expect(third.method).toBe('CANCEL');
    expect(third.event.uid).toBe(first.event.uid);
    expect(third.text).toMatch(/^SEQUENCE:2/m);
    expect(third.text).toMatch(/^STATUS:CANCELLED/m);
    const hostCancel = (await smtp.waitFor(3, to(host.user.email)))[2]!;
    expect(invitation(hostCancel).method).toBe('CANCEL');

    const download = await new TestClient(t.app).get(`/api/meetings/bookings/${b.uid}/ics?token=${token}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/calendar/);
    expect(download.body).toMatch(/^METHOD:PUBLISH/m);
    expect(download.body).toMatch(/^STATUS:CANCELLED/m);
    expect(download.body).toContain(`UID:${b.uid}@meet.example.com`);
    expect((await new TestClient(t.app).get(`/api/meetings/bookings/${b.uid}/ics?token=nope`)).status).toBe(404);
  });

  it('tells the invitee a request is pending and sends the invitation once the host confirms', async () => {
    const host = await hostWithType(t.app, { requiresConfirmation: true });
    const invitee = `pat-${Date.now()}@example.com`;
    const b = (
      await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '11:00'), { invitee: { name: 'Pat', email: invitee } }),
      )
    ).body.booking;
    const [pending] = await smtp.waitFor(1, to(invitee));
    expect(pending!.subject).toMatch(/^Request sent: /);
    expect(pending!.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toHaveLength(0);
    const [approve] = await smtp.waitFor(1, to(host.user.email));
    expect(approve!.subject).toMatch(/^Please confirm: /);

    await host.client.request('PATCH', `/api/meetings/bookings/${b.uid}`, { action: 'confirm' });
    const confirmed = (await smtp.waitFor(2, to(invitee)))[1]!;
    expect(confirmed.subject).toMatch(/^Confirmed: /);
    expect(invitation(confirmed).text).toMatch(/^SEQUENCE:1/m);
  });
});

describe('delivery guarantees', () => {
  it('keeps retrying through an SMTP outage and delivers when it is back', async () => {
    const host = await hostWithType(t.app);
    const invitee = `outage-${Date.now()}@example.com`;
    smtp.state.failWith = 'Mailbox temporarily unavailable';
    try {
      await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '12:00'), { invitee: { name: 'O', email: invitee } }),
      );
      const failing = async () => {
        const [row] = await t.db.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, invitee));
        return row;
      };
      // Wait for the first attempt to fail: still pending, with the error kept and a retry scheduled.
      let row = await failing();
      while (!row || row.attempts === 0 || row.leaseUntil !== null) {
        await new Promise((r) => setTimeout(r, 50));
        row = await failing();
      }
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.lastError).toMatch(/temporarily unavailable/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      smtp.state.failWith = undefined;
    }
    // Fast-forward to the retry instead of sleeping through the back-off.
    await t.db.db
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(emailOutbox.toAddress, invitee));
    await t.services.notifications.dispatchDue();
    const [delivered] = await smtp.waitFor(1, to(invitee));
    expect(delivered!.subject).toMatch(/^Confirmed: /);
    const [row] = await t.db.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, invitee));
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('reminders', () => {
  async function bookWithDueReminder(host: Awaited<ReturnType<typeof hostWithType>>, hhmm: string, email: string) {
    const b = (
      await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, hhmm), { invitee: { name: 'R', email } }),
      )
    ).body.booking;
    // Tests may use a short offset: make the 60-minute reminder due in one second.
    const [booking] = await t.db.db
      .select({ id: meetingBookings.id })
      .from(meetingBookings)
      .where(eq(meetingBookings.uid, b.uid));
    const [reminder] = await t.db.db
      .execute(
        sql`update meeting_reminders set scheduled_for = now() + interval '1 second' where booking_id = ${booking!.id} and offset_minutes = 60 returning id`,
      )
      .then((r) => r.rows);
    return { b, reminderId: reminder!.id as string };
  }

  it('sends a due reminder exactly once, even when two workers and direct calls race for it', async () => {
    const host = await hostWithType(t.app);
    const invitee = `remind-${Date.now()}@example.com`;
    const { reminderId } = await bookWithDueReminder(host, '15:00', invitee);
    const second = await createTestApp({
      db: t.db,
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://meet.example.com' },
    });
    try {
      await Promise.all([t.queue, second.queue].map((q) => q.send('reminder.send', { reminderId }, { startAfter: 1 })));
      const results = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          await new Promise((r) => setTimeout(r, 1100));
          return (i % 2 ? second : t).services.bookings.sendReminder(reminderId);
        }),
      );
      const reminders = await smtp.waitFor(1, (m) => to(invitee)(m) && /^Reminder: /.test(m.subject ?? ''));
      expect(reminders[0]!.subject).toMatch(/in 1 hour$/);
      // Give the queued jobs time to run too, then count.
      await new Promise((r) => setTimeout(r, 2000));
      const rows = await t.db.db
        .select()
        .from(emailOutbox)
        .where(sql`${emailOutbox.toAddress} = ${invitee} and ${emailOutbox.subject} like 'Reminder:%'`);
      expect(rows).toHaveLength(1);
      expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    } finally {
      await second.close();
    }
  });

  it('never sends the reminder of a cancelled booking', async () => {
    const host = await hostWithType(t.app);
    const invitee = `gone-${Date.now()}@example.com`;
    const { b, reminderId } = await bookWithDueReminder(host, '16:00', invitee);
    const token = new URL(b.links.manage).searchParams.get('token')!;
    await new TestClient(t.app).post(`/api/meetings/bookings/${b.uid}/cancel`, { token });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await t.services.bookings.sendReminder(reminderId)).toBe(false);
    const rows = await t.db.db
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.toAddress} = ${invitee} and ${emailOutbox.subject} like 'Reminder:%'`);
    expect(rows).toHaveLength(0);
  });
});
