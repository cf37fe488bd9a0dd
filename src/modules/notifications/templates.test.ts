import { describe, expect, it } from 'vitest';
import { bookingMail } from '../../../test/helpers/booking-mail.js';
import { renderAccountMail, renderBookingMail } from './templates.js';
import type { BookingMailEvent } from './types.js';

const booked: BookingMailEvent = { kind: 'booked' };

/** The anchor elements of a rendered e-mail, with the style each one carries. */
function links(html: string) {
  return [...html.matchAll(/<a href="([^"]*)" style="([^"]*)">([^<]*)<\/a>/g)].map((m) => ({
    href: m[1] ?? '',
    style: m[2] ?? '',
    label: m[3] ?? '',
  }));
}

describe('booking e-mail templates', () => {
  it('reads answers to questions named like Object.prototype members as plain answers', () => {
    const questions = [
      { id: 'constructor', label: 'Company', type: 'text' },
      { id: 'toString', label: 'Topic', type: 'text' },
      { id: 'hasOwnProperty', label: 'Agree', type: 'checkbox' },
    ];
    const unanswered = renderBookingMail(booked, bookingMail({ questions }), 'invitee');
    expect(unanswered.text).not.toMatch(/^(Company|Topic|Agree):/m);
    const answered = renderBookingMail(
      { kind: 'reminder', offsetMinutes: 60 },
      bookingMail({ questions, answers: { constructor: 'Acme', toString: 'Budget', hasOwnProperty: true } }),
      'host',
    );
    expect(answered.text).toContain('Company: Acme');
    expect(answered.text).toContain('Topic: Budget');
    expect(answered.text).toContain('Agree: Yes');
  });

  it('keeps line breaks in long answers inside their field and flattens one-line values', () => {
    const mail = bookingMail({
      invitee: {
        name: 'Eve\r\nCancel: https://evil.test',
        email: 'eve@example.com',
        timeZone: 'UTC',
        hourCycle: 'h23',
        locale: 'en',
      },
      questions: [
        { id: 'agenda', label: 'Agenda', type: 'textarea' },
        { id: 'company', label: 'Company', type: 'text' },
      ],
      answers: { agenda: 'First point\nJoin the meeting: https://evil.test\r\nThird', company: 'Acme\nInc' },
      notes: 'Bring\nslides',
    });
    const host = renderBookingMail(booked, mail, 'host');
    const lines = host.text.split('\n');
    // Every line that reads as a field or action starts at the margin; injected ones are indented or joined.
    expect(lines.filter((l) => /^(Cancel|Join the meeting):/.test(l))).toEqual([
      'Join the meeting: https://meet.jit.si/tuskhub-bk_1',
    ]);
    expect(host.subject).toBe('New booking: Intro call with Eve Cancel: https://evil.test');
    expect(host.text).toContain('Invitee: Eve Cancel: https://evil.test <eve@example.com>');
    expect(host.text).toContain('Company: Acme Inc');
    expect(host.text).toContain(
      ['Agenda:', '  First point', '  Join the meeting: https://evil.test', '  Third'].join('\n'),
    );
    expect(host.text).toContain(['Notes:', '  Bring', '  slides'].join('\n'));
    expect(host.html).toMatch(/<dd style="[^"]*white-space:pre-wrap[^"]*">First point\nJoin the meeting/);
    expect(host.html).toContain('Eve Cancel: https://evil.test');
  });

  it('writes times on the reader’s clock with the zone’s name, and the host’s on 24 hours', () => {
    const mail = bookingMail({
      invitee: { name: 'Ivy', email: 'ivy@example.com', timeZone: 'America/New_York', hourCycle: 'h12', locale: 'en' },
    });
    const invitee = renderBookingMail(booked, mail, 'invitee');
    expect(invitee.text).toContain('When: Monday, 9 March 2026, 10:00 am–10:30 am Eastern Daylight Time (GMT-4)');
    expect(invitee.text).not.toContain('America/New_York');
    const host = renderBookingMail(booked, mail, 'host');
    expect(host.text).toContain('When: Monday, 9 March 2026, 15:00–15:30 Central European Standard Time (GMT+1)');
    expect(host.text).toContain('Ivy booked Monday, 9 March 2026, 15:00–15:30');
    const moved = renderBookingMail(
      {
        kind: 'rescheduled',
        previousStart: new Date('2026-03-09T13:00:00Z'),
        by: 'invitee',
        reason: null,
        afterRequest: false,
      },
      mail,
      'invitee',
    );
    expect(moved.text).toContain('It was Monday, 9 March 2026, 9:00 am–9:30 am Eastern Daylight Time (GMT-4).');
  });

  it('makes joining the one button; reschedule and cancel are quiet links, and gone once cancelled', () => {
    const live = links(renderBookingMail(booked, bookingMail(), 'invitee').html);
    expect(live.map((l) => l.label)).toEqual(['Join the meeting', 'Reschedule', 'Cancel']);
    expect(live[0]!.style).toContain('background:#4f46e5');
    for (const quiet of live.slice(1)) {
      expect(quiet.style).not.toContain('background');
      expect(quiet.style).toContain('text-decoration:underline');
    }
    const hostLinks = links(renderBookingMail(booked, bookingMail(), 'host').html);
    expect(hostLinks.filter((l) => l.style.includes('background')).map((l) => l.label)).toEqual(['Join the meeting']);

    const cancelled = renderBookingMail(
      { kind: 'cancelled', by: 'invitee', reason: null },
      bookingMail({ status: 'cancelled' }),
      'invitee',
    );
    expect(links(cancelled.html)).toEqual([]);
    expect(cancelled.text).not.toMatch(/Reschedule|invitee-secret/);
  });

  it('lets labels sit above values and long words break, so the message fits a phone', () => {
    const { html } = renderBookingMail(booked, bookingMail(), 'invitee');
    expect(html).not.toContain('white-space:nowrap');
    expect(html).toMatch(/overflow-wrap:anywhere/);
    expect(html).toMatch(/<dt[^>]*>When<\/dt><dd[^>]*>Monday/);
  });
});

describe('account e-mail templates', () => {
  const resetUrl = 'https://meet.example.com/reset-password?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcdefg';

  it('carry their one link as the button, in the text, and spelled out for mail apps that break buttons', () => {
    const mail = renderAccountMail({ kind: 'password_reset', name: 'Ada', locale: 'en', resetUrl, validMinutes: 60 });
    expect(mail.subject).toBe('Reset your TuskHub password');
    expect(mail.text).toContain(`Choose a new password: ${resetUrl}`);
    expect(mail.text).toContain('for 1 hour');
    expect(mail.text).toMatch(/ignore this e-mail/);
    expect(links(mail.html)).toEqual([expect.objectContaining({ href: resetUrl, label: 'Choose a new password' })]);
    expect(mail.html).toContain(`copy this address into your browser: ${resetUrl}`);
  });

  it('share the booking mails’ phone-sized layout and keep names on one line, escaped', () => {
    const mail = renderAccountMail({
      kind: 'email_verification',
      name: 'Eve <b>\nLog in: https://evil.test',
      locale: 'en',
      verifyUrl: 'https://meet.example.com/verify-email?token=t',
      validHours: 24,
      pagesWaiting: true,
    });
    expect(mail.html).toContain('width=device-width');
    expect(mail.html).toMatch(/max-width:560px[^"]*overflow-wrap:anywhere/);
    expect(mail.html).not.toContain('<b>');
    expect(mail.text.split('\n').filter((l) => l.startsWith('Log in:'))).toEqual([]);
    expect(mail.text).toContain('for 24 hours');
    expect(mail.text).toContain('Your booking pages go live once it is confirmed.');
  });

  it('tell the owner of a registered address how to get in, with the password link as the quiet one', () => {
    const mail = renderAccountMail({
      kind: 'account_exists',
      name: 'Ada',
      locale: 'en',
      loginUrl: 'https://meet.example.com/login',
      resetUrl,
      validMinutes: 60,
    });
    expect(mail.subject).toBe('You already have a TuskHub account');
    const [login, reset] = links(mail.html);
    expect(login).toMatchObject({ label: 'Log in', href: 'https://meet.example.com/login' });
    expect(login!.style).toContain('background');
    expect(reset).toMatchObject({ label: 'Choose a new password', href: resetUrl });
    expect(reset!.style).not.toContain('background');
  });
});
