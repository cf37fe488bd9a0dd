import type { BookingMail } from '../notifications/types.js';
import { answerTo } from './bookings.rules.js';
import type { BookingWithContext, ReminderRow } from './bookings.repo.js';
import type { ManageTokens } from './manage-token.js';
import type { BookingView } from './schemas.js';

/**
 * Who reads a booking, and so what its view carries. The host gets everything, their private note included; the
 * person who has just booked gets the links to manage it (they carry the manage token) and the video link's
 * progress; everyone else (the invitee reading with their token, webhook receivers) neither.
 */
export type Reader = 'host' | 'booker' | 'others';

/**
 * A booking as its readers get it: the API's view, the notifications module's mail, and the invitee's links
 * (each carrying the manage token) inside both.
 */
export function createBookingViews(deps: { tokens: ManageTokens; publicUrl: string }) {
  function links(uid: string) {
    const token = deps.tokens.issue(uid);
    const manage = `${deps.publicUrl}/booking/${uid}?token=${token}`;
    return {
      manage,
      cancel: `${manage}&action=cancel`,
      reschedule: `${manage}&action=reschedule`,
      ics: `${deps.publicUrl}/api/meetings/bookings/${uid}/ics?token=${token}`,
    };
  }

  function viewOf(row: BookingWithContext, reminders: ReminderRow[], reader: Reader): BookingView {
    const { booking: b, type, host } = row;
    return {
      uid: b.uid,
      status: b.status,
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      timeZone: b.timeZone,
      locale: b.locale,
      eventType: { id: type.id, title: type.title, slug: type.slug },
      host: { name: host.name, username: host.username },
      invitee: { name: b.inviteeName, email: b.inviteeEmail },
      location: b.location,
      answers: b.answers,
      notes: b.notes,
      cancelReason: b.cancelReason,
      noShow: b.noShow,
      rescheduleRequestedAt: b.rescheduleRequestedAt?.toISOString() ?? null,
      reminders: reminders.map((r) => ({
        offsetMinutes: r.offsetMinutes,
        scheduledFor: r.scheduledFor.toISOString(),
        status: r.status,
      })),
      ...(reader === 'others' ? {} : { links: links(b.uid), video: row.video }),
      ...(reader === 'host' ? { hostNote: b.hostNote } : {}),
    };
  }

  function mailOf({ booking: b, type, host }: BookingWithContext): BookingMail {
    return {
      uid: b.uid,
      sequence: b.sequence,
      status: b.status,
      title: type.title,
      start: b.startAt,
      end: b.endAt,
      // Hosts have no clock preference yet: their e-mails use the 24-hour clock.
      host: { name: host.name, email: host.email, timeZone: host.timeZone, hourCycle: 'h23', locale: host.locale },
      invitee: {
        name: b.inviteeName,
        email: b.inviteeEmail,
        timeZone: b.timeZone,
        hourCycle: b.hourCycle ?? 'h23',
        locale: b.locale,
      },
      location: b.location,
      questions: type.questions,
      answers: b.answers,
      notes: b.notes,
      links: links(b.uid),
      dashboardUrl: `${deps.publicUrl}/dashboard/bookings/${b.uid}`,
      settingsUrl: `${deps.publicUrl}/dashboard/settings#connected-apps`,
    };
  }

  return { viewOf, mailOf };
}
export type BookingViews = ReturnType<typeof createBookingViews>;

/** Webhook receivers get each question's wording beside its id, so they need not look the type up. */
export const questionsWithAnswers = ({ booking, type }: BookingWithContext) =>
  type.questions.map((q) => ({
    id: q.id,
    label: q.label,
    type: q.type,
    answer: answerTo(booking.answers, q.id) ?? null,
  }));
