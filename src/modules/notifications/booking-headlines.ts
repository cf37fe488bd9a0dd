import { formatMeetingTime } from '../../lib/time.js';
import type { Audience } from './templates.js';
import type { BookingMail, BookingMailEvent, MailPerson } from './types.js';

/** What a booking e-mail says first (its subject, heading and opening line), for each event and reader. */

type Headline = { subject: string; heading: string; intro: string };

export const personOf = (b: BookingMail, who: Audience): MailPerson => (who === 'invitee' ? b.invitee : b.host);
export const when = (start: Date, end: Date, p: MailPerson) => formatMeetingTime(start, end, p.timeZone, p.hourCycle);

export function headline(e: BookingMailEvent, b: BookingMail, who: Audience): Headline {
  const other = who === 'invitee' ? b.host.name : b.invitee.name;
  const time = when(b.start, b.end, personOf(b, who));
  switch (e.kind) {
    case 'booked':
      if (b.status === 'pending') {
        return who === 'invitee'
          ? {
              subject: `Request sent: ${b.title} with ${other}`,
              heading: 'Your request was sent',
              intro: `${other} will confirm or decline it. We will e-mail you either way.`,
            }
          : {
              subject: `Please confirm: ${b.title} with ${other}`,
              heading: 'A new booking needs your approval',
              intro: `${other} asked for ${time}. The time is held until you confirm or decline.`,
            };
      }
      return who === 'invitee'
        ? {
            subject: `Confirmed: ${b.title} with ${other}`,
            heading: 'Your meeting is booked',
            intro: `You are meeting ${other}. The invitation is attached for your calendar.`,
          }
        : {
            subject: `New booking: ${b.title} with ${other}`,
            heading: 'You have a new booking',
            intro: `${other} booked ${time}.`,
          };
    case 'confirmed':
      return who === 'invitee'
        ? {
            subject: `Confirmed: ${b.title} with ${other}`,
            heading: `${other} confirmed your meeting`,
            intro: 'The invitation is attached for your calendar.',
          }
        : {
            subject: `You confirmed: ${b.title} with ${other}`,
            heading: 'Booking confirmed',
            intro: `You confirmed the meeting with ${other}.`,
          };
    case 'declined':
      return who === 'invitee'
        ? {
            subject: `Declined: ${b.title} with ${other}`,
            heading: `${other} could not accept your request`,
            intro: e.reason ? `Reason: ${e.reason}` : 'You are welcome to pick another time.',
          }
        : {
            subject: `You declined: ${b.title} with ${other}`,
            heading: 'Request declined',
            intro: e.reason ? `Your reason: ${e.reason}` : 'The time is free again.',
          };
    case 'cancelled': {
      const byName = e.by === 'host' ? b.host.name : b.invitee.name;
      const reason = e.reason ? ` Reason: ${e.reason}` : '';
      return {
        subject: `Cancelled: ${b.title} with ${other}`,
        heading: 'Meeting cancelled',
        intro: `${who === e.by ? 'You' : byName} cancelled the meeting.${reason}`,
      };
    }
    case 'rescheduled':
      return moveHeadline(e, b, who);
    case 'reschedule_requested': {
      const reason = e.reason ? ` Reason: ${e.reason}` : '';
      return who === 'invitee'
        ? {
            subject: `Please pick a new time: ${b.title} with ${other}`,
            heading: `${other} asked you to pick a new time`,
            intro: `The meeting on ${time} is cancelled. Choose another time that suits you with the link below.${reason}`,
          }
        : {
            subject: `New time requested: ${b.title} with ${other}`,
            heading: 'You asked for a new time',
            intro: `${time} is free again. ${other} was asked to pick a new time; we will e-mail you when they do.${reason}`,
          };
    }
    case 'reminder': {
      const inWords =
        e.offsetMinutes >= 1440 && e.offsetMinutes % 1440 === 0
          ? `${e.offsetMinutes / 1440} day${e.offsetMinutes === 1440 ? '' : 's'}`
          : e.offsetMinutes >= 60 && e.offsetMinutes % 60 === 0
            ? `${e.offsetMinutes / 60} hour${e.offsetMinutes === 60 ? '' : 's'}`
            : `${e.offsetMinutes} minutes`;
      return {
        subject: `Reminder: ${b.title} with ${other} in ${inWords}`,
        heading: `Your meeting starts in ${inWords}`,
        intro: `You are meeting ${other}.`,
      };
    }
    case 'video_ready':
      return {
        subject: `Updated: ${e.provider} link for ${b.title} with ${other}`,
        heading: `Your ${e.provider} link is ready`,
        intro:
          who === 'invitee'
            ? 'Join with the link below. The updated invitation is attached for your calendar.'
            : `The ${e.provider} meeting for your booking with ${other} is set up.`,
      };
    case 'video_failed':
      return {
        subject: `Action needed: no ${e.provider} link for ${b.title} with ${other}`,
        heading: `We could not create the ${e.provider} link`,
        intro: `${sentence(e.reason)} The booking stands. Reconnect ${e.provider} in Settings → Connected apps, or send ${other} a link yourself.`,
      };
  }
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * A booking at a new time. The host moving it tells the invitee so, with their reason; the invitee picking the
 * new time their host asked for brings the booking back, confirmed or waiting for the host as the type says.
 */
function moveHeadline(e: Extract<BookingMailEvent, { kind: 'rescheduled' }>, b: BookingMail, who: Audience): Headline {
  const other = who === 'invitee' ? b.host.name : b.invitee.name;
  const time = when(b.start, b.end, personOf(b, who));
  const was = when(
    e.previousStart,
    new Date(e.previousStart.getTime() + (b.end.getTime() - b.start.getTime())),
    personOf(b, who),
  );
  const pending = b.status === 'pending';
  if (e.afterRequest && who === 'invitee')
    return pending
      ? {
          subject: `Request sent: ${b.title} with ${other}`,
          heading: 'Your new time was sent',
          intro: `${other} will confirm or decline it. We will e-mail you either way.`,
        }
      : {
          subject: `Confirmed: ${b.title} with ${other}`,
          heading: 'Your meeting is booked again',
          intro: `You are meeting ${other} at the new time. The invitation is attached for your calendar.`,
        };
  if (e.afterRequest)
    return {
      subject: `${pending ? 'Please confirm' : 'New time picked'}: ${b.title} with ${other}`,
      heading: `${other} picked a new time`,
      intro: pending
        ? `You asked for a new time, and ${other} asked for ${time}. The time is held until you confirm or decline.`
        : `You asked for a new time, and ${other} booked ${time}.`,
    };
  if (e.by === 'invitee' || who === 'host') {
    const told = e.by === 'host' ? ` ${other} has been told.${e.reason ? ` Your reason: ${e.reason}` : ''}` : '';
    return {
      subject: `${e.by === 'host' && who === 'host' ? 'You rescheduled' : 'Rescheduled'}: ${b.title} with ${other}`,
      heading: 'Meeting moved to a new time',
      intro: `It was ${was}.${told}`,
    };
  }
  return {
    subject: `Rescheduled: ${b.title} with ${other}`,
    heading: `${other} moved your meeting`,
    // The reason goes last: it is free text, which need not end as a sentence does.
    intro: `It was ${was}.${pending ? '' : ' The updated invitation is attached for your calendar.'}${e.reason ? ` Reason: ${e.reason}` : ''}`,
  };
}
