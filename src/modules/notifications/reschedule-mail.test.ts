import { describe, expect, it } from 'vitest';
import { bookingMail } from '../../../test/helpers/booking-mail.js';
import { renderBookingMail } from './templates.js';
import type { BookingMailEvent } from './types.js';

const previousStart = new Date('2026-03-08T14:00:00Z');
const byHost: BookingMailEvent = {
  kind: 'rescheduled',
  previousStart,
  by: 'host',
  reason: 'A clash',
  afterRequest: false,
};
const picked: BookingMailEvent = {
  kind: 'rescheduled',
  previousStart,
  by: 'invitee',
  reason: null,
  afterRequest: true,
};
const asked: BookingMailEvent = { kind: 'reschedule_requested', reason: 'I am ill' };

const ACTION = /^(Join the meeting|Reschedule|Cancel|Pick a new time|Open in TuskHub|Confirm or decline): /;
const actionsOf = (text: string) => text.split('\n').filter((l) => ACTION.test(l));

describe('e-mails when the host moves a booking', () => {
  it('tells the invitee who moved it, from when, and why', () => {
    const invitee = renderBookingMail(byHost, bookingMail(), 'invitee');
    expect(invitee.subject).toBe('Rescheduled: Intro call with Hana Host');
    expect(invitee.text).toContain('Hana Host moved your meeting');
    expect(invitee.text).toContain('It was Sunday, 8 March 2026, 10:00–10:30');
    expect(invitee.text).toContain('Reason: A clash');
    expect(invitee.text).toContain('The updated invitation is attached for your calendar.');
    expect(actionsOf(invitee.text).map((l) => l.split(':')[0])).toEqual(['Join the meeting', 'Reschedule', 'Cancel']);
  });

  it('confirms it to the host, with a link to the booking', () => {
    const host = renderBookingMail(byHost, bookingMail(), 'host');
    expect(host.subject).toBe('You rescheduled: Intro call with Ivy Invitee');
    expect(host.text).toContain('Ivy Invitee has been told. Your reason: A clash');
    expect(host.text).toContain('Open in TuskHub: https://meet.example.com/dashboard/bookings');
  });
});

describe('e-mails when the host asks for a new time', () => {
  const mail = bookingMail({ status: 'cancelled' });

  it('gives the invitee one thing to do: pick a new time, spelled out too', () => {
    const invitee = renderBookingMail(asked, mail, 'invitee');
    expect(invitee.subject).toBe('Please pick a new time: Intro call with Hana Host');
    expect(invitee.text).toContain('Hana Host asked you to pick a new time');
    expect(invitee.text).toContain('Reason: I am ill');
    expect(actionsOf(invitee.text)).toEqual([`Pick a new time: ${mail.links.reschedule}`]);
    expect(invitee.html).toContain('If the button does not work, copy this address into your browser:');
    expect(invitee.text).not.toContain('Join the meeting');
  });

  it('tells the host the time is free and that they will hear back', () => {
    const host = renderBookingMail(asked, mail, 'host');
    expect(host.subject).toBe('New time requested: Intro call with Ivy Invitee');
    expect(host.text).toContain('is free again. Ivy Invitee was asked to pick a new time');
    expect(host.text).not.toContain(mail.links.reschedule);
  });
});

describe('e-mails when the invitee picks the new time', () => {
  it('books it again for the invitee, or sends it for confirmation', () => {
    expect(renderBookingMail(picked, bookingMail(), 'invitee').subject).toBe('Confirmed: Intro call with Hana Host');
    const pending = renderBookingMail(picked, bookingMail({ status: 'pending' }), 'invitee');
    expect(pending.subject).toBe('Request sent: Intro call with Hana Host');
    expect(pending.text).toContain('Your new time was sent');
  });

  it('tells the host which time was picked', () => {
    const host = renderBookingMail(picked, bookingMail(), 'host');
    expect(host.subject).toBe('New time picked: Intro call with Ivy Invitee');
    expect(host.text).toContain('You asked for a new time, and Ivy Invitee booked Monday, 9 March 2026, 15:00–15:30');
    const pending = renderBookingMail(picked, bookingMail({ status: 'pending' }), 'host');
    expect(pending.subject).toBe('Please confirm: Intro call with Ivy Invitee');
    expect(actionsOf(pending.text)[1]).toMatch(/^Confirm or decline: /);
  });
});
