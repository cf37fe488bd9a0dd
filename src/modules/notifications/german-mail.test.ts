import { describe, expect, it } from 'vitest';
import { bookingMail } from '../../../test/helpers/booking-mail.js';
import { bookingInvite } from './ics.js';
import { renderAccountMail, renderBookingMail } from './templates.js';
import type { BookingMail } from './types.js';

/** The booking of the English tests, read by a German invitee in Berlin and an English host. */
const german: BookingMail = bookingMail({
  invitee: { name: 'Ida Gast', email: 'ida@example.com', timeZone: 'Europe/Berlin', hourCycle: 'h23', locale: 'de' },
  questions: [{ id: 'agree', label: 'Einverstanden', type: 'checkbox' }],
  answers: { agree: true },
});

describe('e-mails in German', () => {
  it('write the invitee’s e-mail in German, with the date, weekday, month and zone name in German', () => {
    const mail = renderBookingMail({ kind: 'booked' }, german, 'invitee');
    expect(mail.subject).toBe('Bestätigt: Intro call mit Hana Host');
    expect(mail.text).toContain('Wann: Montag, 9. März 2026, 15:00–15:30 Mitteleuropäische Normalzeit (GMT+1)');
    expect(mail.text).toContain('Sie treffen sich mit Hana Host. Die Einladung für Ihren Kalender ist angehängt.');
    expect(mail.text).toContain('Einverstanden: Ja');
    expect(mail.text).toMatch(/^Am Meeting teilnehmen: https:/m);
    expect(mail.html).toContain('<html lang="de">');
    // The host reads the same booking in English, on their own clock.
    const host = renderBookingMail({ kind: 'booked' }, german, 'host');
    expect(host.subject).toBe('New booking: Intro call with Ida Gast');
    expect(host.text).toContain('Einverstanden: Yes');
  });

  it('keep the reader’s 12-hour clock', () => {
    const mail = renderBookingMail(
      { kind: 'booked' },
      { ...german, invitee: { ...german.invitee, hourCycle: 'h12' } },
      'invitee',
    );
    expect(mail.text).toContain('Wann: Montag, 9. März 2026, 3:00 PM–3:30 PM Mitteleuropäische Normalzeit (GMT+1)');
  });

  it('count reminders and link lifetimes with the language’s plural forms', () => {
    const lead = (offsetMinutes: number) =>
      renderBookingMail({ kind: 'reminder', offsetMinutes }, german, 'invitee').subject;
    expect(lead(1)).toBe('Erinnerung: Intro call mit Hana Host in 1 Minute');
    expect(lead(30)).toBe('Erinnerung: Intro call mit Hana Host in 30 Minuten');
    expect(lead(60)).toBe('Erinnerung: Intro call mit Hana Host in 1 Stunde');
    expect(lead(120)).toBe('Erinnerung: Intro call mit Hana Host in 2 Stunden');
    expect(lead(1440)).toBe('Erinnerung: Intro call mit Hana Host in 1 Tag');
    expect(lead(2880)).toBe('Erinnerung: Intro call mit Hana Host in 2 Tagen');
    const english = (offsetMinutes: number) =>
      renderBookingMail({ kind: 'reminder', offsetMinutes }, german, 'host').subject;
    expect([english(1), english(1440), english(2880)]).toEqual([
      'Reminder: Intro call with Ida Gast in 1 minute',
      'Reminder: Intro call with Ida Gast in 1 day',
      'Reminder: Intro call with Ida Gast in 2 days',
    ]);
    const reset = (validMinutes: number) =>
      renderAccountMail({ kind: 'password_reset', name: 'Ida', locale: 'de', resetUrl: 'https://x.test', validMinutes })
        .text;
    expect(reset(60)).toContain('Der Link funktioniert einmal und ist 1 Stunde gültig.');
    expect(reset(90)).toContain('ist 90 Minuten gültig.');
    expect(reset(1)).toContain('ist 1 Minute gültig.');
  });

  it('word the calendar file for its reader', () => {
    const invitee = bookingInvite(german, 'REQUEST', 'meet.example.com', 'invitee', new Date()).replace(/\r\n /g, '');
    expect(invitee).toContain('SUMMARY:Intro call: Hana Host und Ida Gast');
    expect(invitee).toContain(`Verschieben oder absagen: ${german.links.manage}`);
    expect(invitee).toContain('Teilnehmen: https://meet.jit.si/tuskhub-bk_1');
    const host = bookingInvite(german, 'REQUEST', 'meet.example.com', 'host', new Date()).replace(/\r\n /g, '');
    expect(host).toContain('SUMMARY:Intro call: Hana Host and Ida Gast');
    expect(host).toContain('Open in TuskHub: ');
  });

  it('ask the invitee to pick a new time, with the button spelled out in German', () => {
    const mail = renderBookingMail(
      { kind: 'reschedule_requested', reason: null },
      { ...german, status: 'cancelled' },
      'invitee',
    );
    expect(mail.subject).toBe('Bitte wählen Sie einen neuen Termin: Intro call mit Hana Host');
    expect(mail.text).toContain('Der Termin am Montag, 9. März 2026, 15:00–15:30');
    expect(mail.html).toContain('Falls die Schaltfläche nicht funktioniert, kopieren Sie diese Adresse');
    expect(mail.text).toMatch(/^Neuen Termin wählen: https:/m);
  });
});
