import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { bookingMail } from '../../../test/helpers/booking-mail.js';
import { bookingInvite } from './ics.js';

/** The one event of an invitation, as a calendar app parses it. */
function eventOf(text: string) {
  const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
  expect(events).toHaveLength(1);
  return events[0]!;
}

const stamp = new Date('2026-03-01T12:00:00Z');
const attendeesOf = (event: ical.VEvent) => [event.attendee ?? []].flat();
const addressOf = (a: ical.Attendee) => (typeof a === 'string' ? a : a.val).toLowerCase();

describe('calendar invitations', () => {
  it('keeps a name with quotes and parameters inside the attendee’s CN', () => {
    const name = 'Eve":mailto:attacker@evil.test;X="';
    const mail = bookingMail({
      host: { name: 'Hana "the host"', email: 'hana@example.com', timeZone: 'UTC', hourCycle: 'h23', locale: 'en' },
      invitee: { name, email: 'eve@example.com', timeZone: 'UTC', hourCycle: 'h23', locale: 'en' },
    });
    const text = bookingInvite(mail, 'REQUEST', 'meet.example.com', 'invitee', stamp);
    const event = eventOf(text);
    const attendees = attendeesOf(event);
    expect(attendees).toHaveLength(1);
    expect(addressOf(attendees[0]!)).toBe('mailto:eve@example.com');
    expect(String((event.organizer as { val: string }).val).toLowerCase()).toBe('mailto:hana@example.com');
    // RFC 6868: ^' stands for a double quote inside a parameter value.
    expect(text.replace(/\r\n /g, '')).toContain(`CN="Eve^':mailto:attacker@evil.test;X=^'"`);
  });

  it('gives the invitee their manage link and the host the dashboard, never the other’s', () => {
    const mail = bookingMail();
    const invitee = eventOf(bookingInvite(mail, 'REQUEST', 'meet.example.com', 'invitee', stamp));
    expect(invitee.description).toContain(`Reschedule or cancel: ${mail.links.manage}`);
    const hostText = bookingInvite(mail, 'REQUEST', 'meet.example.com', 'host', stamp);
    const host = eventOf(hostText);
    expect(host.description).toContain(mail.dashboardUrl);
    expect(hostText.replace(/\r\n /g, '')).not.toContain('invitee-secret');
    expect(host.uid).toBe(invitee.uid);
  });

  it('does not offer to reschedule or cancel a cancelled meeting', () => {
    const cancelled = bookingMail({ status: 'cancelled', sequence: 2 });
    for (const [method, audience] of [
      ['CANCEL', 'invitee'],
      ['CANCEL', 'host'],
      ['PUBLISH', 'invitee'],
    ] as const) {
      const text = bookingInvite(cancelled, method, 'meet.example.com', audience, stamp).replace(/\r\n /g, '');
      expect(text).toMatch(/^STATUS:CANCELLED/m);
      expect(text).not.toMatch(/Reschedule|cancel:|invitee-secret|Join:/);
    }
  });
});
