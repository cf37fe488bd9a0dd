import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { mailText, type MailText } from './mail-text.js';
import type { Audience } from './templates.js';
import type { BookingMail } from './types.js';

/** REQUEST and CANCEL travel in e-mail (iTIP); PUBLISH is the plain file a person adds to a calendar. */
export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/**
 * A name as a quoted parameter value (CN). RFC 5545 has no escape inside quotes, and ical-generator's
 * backslash before `"` still ends the quoted string for readers, so a name could add parameters or turn the
 * attendee into another address. RFC 6868 caret encoding carries quotes and line breaks safely instead.
 */
export function paramText(value: string): string {
  return value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|[\n\r]/g, '^n')
    .replace(/[\p{Cc}]/gu, ' ');
}

/** Where each person manages the booking: the invitee's personal link must not reach the host's calendar. */
function manageLine(b: BookingMail, audience: Audience, cancelled: boolean, t: MailText): string | undefined {
  if (cancelled) return undefined;
  return audience === 'invitee'
    ? t('calendar.manage', { url: b.links.manage })
    : t('calendar.openInTuskHub', { url: b.dashboardUrl });
}

/**
 * An iTIP (RFC 5546) invitation for one booking, as one audience gets it, in that person's language. The UID
 * never changes for a booking and SEQUENCE is the booking's change counter, so calendar apps update or remove
 * the same event instead of adding another. `stamp` (DTSTAMP) is when this invitation was issued.
 */
export function bookingInvite(
  b: BookingMail,
  method: InviteMethod,
  uidDomain: string,
  audience: Audience,
  stamp: Date,
): string {
  const locale = (audience === 'invitee' ? b.invitee : b.host).locale;
  const t = mailText(locale);
  const calendar = ical({
    prodId: { company: 'TuskHub', product: 'Meetings', language: locale.toUpperCase() },
    method: ICalCalendarMethod[method],
  });
  const cancelled = method === 'CANCEL' || b.status === 'cancelled' || b.status === 'declined';
  const where = b.location.url ?? b.location.value;
  calendar.createEvent({
    id: `${b.uid}@${uidDomain}`,
    sequence: b.sequence,
    stamp,
    start: b.start,
    end: b.end,
    summary: t('calendar.summary', { title: b.title, host: b.host.name, invitee: b.invitee.name }),
    description: [
      b.location.url && !cancelled ? t('calendar.join', { url: b.location.url }) : undefined,
      b.notes ? t('calendar.notes', { notes: b.notes }) : undefined,
      manageLine(b, audience, cancelled, t),
    ]
      .filter(Boolean)
      .join('\n'),
    ...(where ? { location: where } : {}),
    ...(b.location.url ? { url: b.location.url } : {}),
    organizer: { name: paramText(b.host.name), email: b.host.email },
    attendees: [
      {
        name: paramText(b.invitee.name),
        email: b.invitee.email,
        // The invitee chose this time themselves: the invitation records their acceptance, not a question.
        rsvp: false,
        role: ICalAttendeeRole.REQ,
        status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      },
    ],
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    alarms: cancelled ? [] : [{ type: ICalAlarmType.display, trigger: 15 * 60, description: b.title }],
  });
  return calendar.toString();
}
