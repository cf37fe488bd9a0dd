import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { BookingMail } from './types.js';

/** REQUEST and CANCEL travel in e-mail (iTIP); PUBLISH is the plain file a person adds to a calendar. */
export type InviteMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/**
 * An iTIP (RFC 5546) invitation for one booking. The UID never changes for a booking and SEQUENCE is the
 * booking's change counter, so calendar apps update or remove the same event instead of adding another.
 */
export function bookingInvite(b: BookingMail, method: InviteMethod, uidDomain: string): string {
  const calendar = ical({
    prodId: { company: 'TuskHub', product: 'Meetings', language: 'EN' },
    method: ICalCalendarMethod[method],
  });
  const cancelled = method === 'CANCEL' || b.status === 'cancelled' || b.status === 'declined';
  const where = b.location.url ?? b.location.value;
  calendar.createEvent({
    id: `${b.uid}@${uidDomain}`,
    sequence: b.sequence,
    stamp: new Date(),
    start: b.start,
    end: b.end,
    summary: `${b.title}: ${b.host.name} and ${b.invitee.name}`,
    description: [
      b.location.url ? `Join: ${b.location.url}` : undefined,
      b.notes ? `Notes: ${b.notes}` : undefined,
      `Reschedule or cancel: ${b.links.manage}`,
    ]
      .filter(Boolean)
      .join('\n'),
    ...(where ? { location: where } : {}),
    ...(b.location.url ? { url: b.location.url } : {}),
    organizer: { name: b.host.name, email: b.host.email },
    attendees: [
      {
        name: b.invitee.name,
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
