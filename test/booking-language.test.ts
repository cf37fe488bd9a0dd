import { eq, sql } from 'drizzle-orm';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingBookings } from '../src/db/schema/index.js';
import { PASSWORD_RESET_MAIL_JOB } from '../src/modules/identity/password-reset.service.js';
import { jobsSettled, waitForMail } from './helpers/account-mail.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://meet.example.com' } });
});
afterAll(async () => {
  await t.close();
});

const day = utcDay(9);
let n = 0;
const uniqueEmail = (name: string) => `${name}-${Date.now().toString(36)}${n++}@example.com`;
const GERMAN_DATE = /(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. [A-ZÄ][a-zä]+ \d{4}/;

type Message = Awaited<ReturnType<typeof waitForMail>>[number];
/** The calendar file a message carries, as a calendar app reads it. */
function calendarOf(m: Message) {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part, `no calendar file in "${m.subject}"`).toBeDefined();
  const text = Buffer.from(part!.contentBase64, 'base64').toString('utf8');
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
  return { text, event };
}

const tokenOf = (booking: { links: { manage: string } }) => new URL(booking.links.manage).searchParams.get('token')!;
const hostName = (username: string) => `Host ${username.slice('host-'.length)}`;

async function book(username: string, time: string, body: Record<string, unknown>) {
  const res = await new TestClient(t.app).post('/api/meetings/book', bookingBody(username, at(day, time), body));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.booking;
}

describe('a booking in German', () => {
  it('keeps its language and writes the invitee German e-mails and calendar text, the English host English', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('ida');
    const booking = await book(host.user.username, '10:00', {
      locale: 'de',
      timeZone: 'Europe/Berlin',
      invitee: { name: 'Ida Gast', email: invitee },
      notes: 'Bitte Folien mitbringen',
    });
    expect(booking.locale).toBe('de');
    const seen = await new TestClient(t.app).get(`/api/meetings/bookings/${booking.uid}?token=${tokenOf(booking)}`);
    expect(seen.body.booking.locale).toBe('de');

    const [mail] = await waitForMail(t, invitee, 1);
    const host_ = hostName(host.user.username);
    expect(mail!.subject).toBe(`Bestätigt: Intro call mit ${host_}`);
    expect(mail!.text).toContain('Ihr Termin ist gebucht');
    expect(mail!.text).toMatch(new RegExp(`^Wann: ${GERMAN_DATE.source}, 1[12]:00–1[12]:30 Mitteleuropäische`, 'm'));
    expect(mail!.text).toContain(`Mit: ${host_}`);
    expect(mail!.text).toContain('Notizen: Bitte Folien mitbringen');
    expect(mail!.text).toMatch(/^Verschieben: https:\/\/meet\.example\.com\/booking\//m);
    expect(mail!.html).toContain('<html lang="de">');
    expect(mail!.html).toContain('Gesendet von TuskHub Meetings');
    const calendar = calendarOf(mail!);
    expect(calendar.event.summary).toBe(`Intro call: ${host_} und Ida Gast`);
    expect(calendar.event.description).toContain(`Verschieben oder absagen: ${booking.links.manage}`);
    expect(calendar.event.description).toContain('Notizen: Bitte Folien mitbringen');
    expect(calendar.text).toMatch(/^PRODID:.*\/\/DE$/m);

    const [hostMail] = await waitForMail(t, host.user.email, 1);
    expect(hostMail!.subject).toBe('New booking: Intro call with Ida Gast');
    expect(hostMail!.text).toMatch(/^When: \w+day, \d{1,2} \w+ \d{4}, 10:00–10:30 Coordinated Universal Time/m);
    expect(calendarOf(hostMail!).event.summary).toBe(`Intro call: ${host_} and Ida Gast`);
  });

  it('sends its reminder and its cancellation in German too', async () => {
    const host = await hostWithType(t.app);
    const invitee = uniqueEmail('ole');
    const booking = await book(host.user.username, '11:00', {
      locale: 'de',
      invitee: { name: 'Ole', email: invitee },
    });
    const [row] = await t.db.db
      .select({ id: meetingBookings.id, locale: meetingBookings.locale })
      .from(meetingBookings)
      .where(eq(meetingBookings.uid, booking.uid));
    expect(row!.locale).toBe('de');
    const [reminder] = await t.db.db
      .execute(
        sql`update meeting_reminders set scheduled_for = now() where booking_id = ${row!.id} and offset_minutes = 60 returning id`,
      )
      .then((r) => r.rows);
    expect(await t.services.bookings.sendReminder(reminder!.id as string)).toBe(true);
    const reminded = (await waitForMail(t, invitee, 2))[1]!;
    expect(reminded.subject).toBe(`Erinnerung: Intro call mit ${hostName(host.user.username)} in 1 Stunde`);
    expect(reminded.text).toContain('Ihr Termin beginnt in 1 Stunde');

    const cancelled = await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/cancel`, {
      token: tokenOf(booking),
      reason: 'Krank',
    });
    expect(cancelled.status).toBe(200);
    const cancel = (await waitForMail(t, invitee, 3))[2]!;
    expect(cancel.subject).toBe(`Abgesagt: Intro call mit ${hostName(host.user.username)}`);
    expect(cancel.text).toContain('Sie haben den Termin abgesagt. Grund: Krank');
    expect(calendarOf(cancel).text).toMatch(/^STATUS:CANCELLED/m);
    const [, hostReminder, hostCancel] = await waitForMail(t, host.user.email, 3);
    expect(hostReminder!.subject).toBe('Reminder: Intro call with Ole in 1 hour');
    expect(hostCancel!.subject).toBe('Cancelled: Intro call with Ole');
    expect(hostCancel!.text).toContain('Ole cancelled the meeting. Reason: Krank');
  });

  it('is English when the page sends no language, and refuses a language it does not have', async () => {
    const host = await hostWithType(t.app);
    expect(
      (await book(host.user.username, '12:00', { invitee: { name: 'Eli', email: uniqueEmail('eli') } })).locale,
    ).toBe('en');
    for (const locale of ['fr', 'DE', 'de-DE', '', 7]) {
      const res = await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(day, '13:00'), { locale }),
      );
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.fields.locale).toBe('Use one of en, de.');
    }
  });
});

describe('a host who reads German', () => {
  it('chooses the language in their profile and gets German host e-mails, while the invitee keeps theirs', async () => {
    const host = await hostWithType(t.app);
    expect((await host.client.get('/api/me')).body.user.locale).toBe('en');
    const changed = await host.client.request('PATCH', '/api/me', { locale: 'de' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.locale).toBe('de');
    expect((await host.client.request('PATCH', '/api/me', { locale: 'es' })).status).toBe(422);

    const invitee = uniqueEmail('amy');
    const booking = await book(host.user.username, '14:00', { invitee: { name: 'Amy', email: invitee } });
    const [hostMail] = await waitForMail(t, host.user.email, 1);
    expect(hostMail!.subject).toBe('Neue Buchung: Intro call mit Amy');
    expect(hostMail!.text).toMatch(new RegExp(`Amy hat diesen Termin gebucht: ${GERMAN_DATE.source}, 14:00–14:30`));
    expect(hostMail!.text).toMatch(/^Gast: Amy </m);
    expect(hostMail!.text).toMatch(/^In TuskHub öffnen: https:\/\/meet\.example\.com\/dashboard\/bookings\//m);
    expect(calendarOf(hostMail!).event.description).toContain('In TuskHub öffnen: ');
    const [inviteeMail] = await waitForMail(t, invitee, 1);
    expect(inviteeMail!.subject).toBe(`Confirmed: Intro call with ${hostName(host.user.username)}`);

    const cancelled = await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, {
      action: 'cancel',
      reason: 'Termin überschneidet sich',
    });
    expect(cancelled.status).toBe(200);
    const hostCancel = (await waitForMail(t, host.user.email, 2))[1]!;
    expect(hostCancel.subject).toBe('Abgesagt: Intro call mit Amy');
    expect(hostCancel.text).toContain('Sie haben den Termin abgesagt. Grund: Termin überschneidet sich');
    expect((await waitForMail(t, invitee, 2))[1]!.text).toContain(
      `${hostName(host.user.username)} cancelled the meeting.`,
    );
  });

  it('gets account e-mails, such as a password link, in that language', async () => {
    const host = await hostWithType(t.app);
    await host.client.request('PATCH', '/api/me', { locale: 'de' });
    await new TestClient(t.app).post('/api/auth/password/forgot', { email: host.user.email });
    await jobsSettled(t, PASSWORD_RESET_MAIL_JOB);
    const [mail] = await waitForMail(t, host.user.email, 1);
    expect(mail!.subject).toBe('Setzen Sie Ihr TuskHub-Passwort zurück');
    expect(mail!.text).toContain('Der Link funktioniert einmal und ist 1 Stunde gültig.');
    expect(mail!.text).toMatch(/^Neues Passwort wählen: https:\/\/meet\.example\.com\/reset-password\?token=/m);
  });
});
