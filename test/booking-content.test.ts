import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, meetingBookings } from '../src/db/schema/index.js';
import { createTestApp, newAccount, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  // The webhook receiver below listens on 127.0.0.1, which the default configuration refuses.
  t = await createTestApp({ env: { PUBLIC_URL: 'https://meet.example.com', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
});
afterAll(() => t.close());

const day = utcDay(8);
let n = 0;
const uniqueEmail = (who: string) => `${who}-${Date.now()}-${n++}@example.com`;

/** Every e-mail queued to an address, oldest first, whatever the sender has done with it since. */
async function mailTo(address: string) {
  return t.db.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(emailOutbox.createdAt);
}

const tokenOf = (booking: { links: { manage: string } }) => new URL(booking.links.manage).searchParams.get('token')!;

describe('question ids', () => {
  it('gives new questions an id, keeps the ids of existing ones, and refuses __proto__', async () => {
    const host = await hostWithType(t.app, {
      questions: [
        { label: 'Company', type: 'text', required: false },
        { label: 'Agenda', type: 'textarea', required: false },
      ],
    });
    const created = host.type.questions as { id: string; label: string }[];
    expect(created.map((q) => q.label)).toEqual(['Company', 'Agenda']);
    for (const q of created) expect(q.id).toMatch(/^q_[a-z2-7]{8}$/);
    expect(created[0]!.id).not.toBe(created[1]!.id);

    const patched = await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, {
      questions: [...created, { label: 'Phone', type: 'phone', required: false }],
    });
    expect(patched.status).toBe(200);
    const ids = patched.body.meetingType.questions.map((q: { id: string }) => q.id);
    expect(ids.slice(0, 2)).toEqual(created.map((q) => q.id));
    expect(ids[2]).toMatch(/^q_[a-z2-7]{8}$/);

    const reserved = await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, {
      questions: [{ id: '__proto__', label: 'X', type: 'text', required: false }],
    });
    expect(reserved.status).toBe(422);
  });

  it('books, cancels and reminds on a type whose question ids are constructor and toString', async () => {
    const host = await hostWithType(t.app, {
      questions: [
        { id: 'constructor', label: 'Company', type: 'text', required: false },
        { id: 'toString', label: 'Agenda', type: 'textarea', required: false },
      ],
    });
    const without = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '09:00'), { invitee: { name: 'Nora', email: uniqueEmail('nora') } }),
    );
    expect(without.status).toBe(201);
    const invitee = uniqueEmail('ana');
    const withAnswers = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '10:00'), {
        invitee: { name: 'Ana', email: invitee },
        answers: { constructor: 'Acme', toString: 'Pricing\nRoadmap' },
      }),
    );
    expect(withAnswers.status).toBe(201);
    expect(withAnswers.body.booking.answers).toEqual({ constructor: 'Acme', toString: 'Pricing\nRoadmap' });

    const cancel = await new TestClient(t.app).post(`/api/meetings/bookings/${without.body.booking.uid}/cancel`, {
      token: tokenOf(without.body.booking),
    });
    expect(cancel.status).toBe(200);

    const [booking] = await t.db.db
      .select({ id: meetingBookings.id })
      .from(meetingBookings)
      .where(eq(meetingBookings.uid, withAnswers.body.booking.uid));
    const [reminder] = await t.db.db
      .execute(
        sql`update meeting_reminders set scheduled_for = now() where booking_id = ${booking!.id} and offset_minutes = 60 returning id`,
      )
      .then((r) => r.rows);
    expect(await t.services.bookings.sendReminder(reminder!.id as string)).toBe(true);
    const reminded = (await mailTo(invitee)).find((m) => m.subject.startsWith('Reminder: '));
    expect(reminded?.text).toContain('Company: Acme');
    expect(reminded?.text).toContain(['Agenda:', '  Pricing', '  Roadmap'].join('\n'));
  });
});

describe('names in e-mails and invitations', () => {
  it('refuses names with line breaks or tabs, for invitees and hosts, in plain words', async () => {
    const host = await hostWithType(t.app);
    for (const name of ['Eve\r\nBcc: x@evil.test', 'Eve\nX', 'Eve\tX']) {
      const res = await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '11:00'), { invitee: { name, email: uniqueEmail('eve') } }),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.details.fields['invitee.name']).toBe(
        'Write the name on one line, without tabs or other control characters.',
      );
    }
    const signup = await new TestClient(t.app).post('/api/auth/signup', newAccount({ name: 'Mallory\r\nAdmin' }));
    expect(signup.status).toBe(422);
    expect(signup.body.error.details.fields.name).toMatch(/one line/);
    const profile = await host.client.request('PATCH', '/api/me', { name: 'Hana\nHost' });
    expect(profile.status).toBe(422);
  });

  it('keeps a quoted name inside the attendee of the .ics the invitee gets', async () => {
    const host = await hostWithType(t.app);
    const email = uniqueEmail('eve');
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '12:00'), {
        invitee: { name: 'Eve":mailto:attacker@evil.test;X="', email },
      }),
    );
    expect(booked.status).toBe(201);
    const [confirmation] = await mailTo(email);
    const ics = Buffer.from(confirmation!.attachments[0]!.contentBase64, 'base64').toString('utf8');
    const event = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    const attendees = [event.attendee ?? []].flat();
    expect(attendees).toHaveLength(1);
    expect((typeof attendees[0] === 'string' ? attendees[0] : attendees[0]!.val).toLowerCase()).toBe(`mailto:${email}`);
  });
});

describe('e-mails per reader', () => {
  it('uses the invitee’s 12-hour clock for them, 24 hours for the host, and keeps the manage link out of the host’s .ics', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('ivy');
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '15:00'), {
        timeZone: 'UTC',
        hourCycle: 'h12',
        invitee: { name: 'Ivy', email: invitee },
      }),
    );
    expect(booked.status).toBe(201);
    const [stored] = await t.db.db
      .select({ hourCycle: meetingBookings.hourCycle })
      .from(meetingBookings)
      .where(eq(meetingBookings.uid, booked.body.booking.uid));
    expect(stored!.hourCycle).toBe('h12');

    const [mine] = await mailTo(invitee);
    expect(mine!.text).toContain('3:00 pm–3:30 pm Coordinated Universal Time (GMT+0)');
    const hostMail = (await mailTo(host.user.email)).find((m) => m.bookingId !== null);
    expect(hostMail!.text).toContain('15:00–15:30 Coordinated Universal Time (GMT+0)');
    const hostIcs = Buffer.from(hostMail!.attachments[0]!.contentBase64, 'base64').toString('utf8');
    expect(hostIcs.replace(/\r\n /g, '')).not.toContain(tokenOf(booked.body.booking));
    expect(hostIcs.replace(/\r\n /g, '')).toContain('https://meet.example.com/dashboard/bookings');

    const wrong = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '16:00'), { hourCycle: 'h24' }),
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.fields.hourCycle).toBeDefined();
  });
});

describe('webhook payloads', () => {
  it('carry each question’s label and type beside its id and answer', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const host = await hostWithType(t.app, {
        questions: [
          { label: 'Company', type: 'text', required: false },
          { label: 'Newsletter', type: 'checkbox', required: false },
        ],
      });
      const [company, newsletter] = host.type.questions as { id: string }[];
      const endpoint = await host.client.post('/api/webhooks/endpoints', {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        events: ['booking.created'],
      });
      expect(endpoint.status).toBe(201);
      const booked = await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '13:00'), { answers: { [company!.id]: 'Acme' } }),
      );
      expect(booked.status).toBe(201);
      while (bodies.length < 1) await new Promise((r) => setTimeout(r, 50));
      const payload = JSON.parse(bodies[0]!) as { data: { booking: Record<string, unknown> } };
      expect(payload.data.booking.answers).toEqual({ [company!.id]: 'Acme' });
      expect(payload.data.booking.questions).toEqual([
        { id: company!.id, label: 'Company', type: 'text', answer: 'Acme' },
        { id: newsletter!.id, label: 'Newsletter', type: 'checkbox', answer: null },
      ]);
    } finally {
      server.close();
    }
  });
});
