import { formatMeetingTime } from '../../lib/time.js';
import { DATE_LOCALES, mailText, sentences, type MailText } from './mail-text.js';
import type { Audience } from './templates.js';
import type { BookingMail, BookingMailEvent, MailPerson } from './types.js';

/** What a booking e-mail says first (its subject, heading and opening line), for each event and reader. */

type Headline = { subject: string; heading: string; intro: string };

export const personOf = (b: BookingMail, who: Audience): MailPerson => (who === 'invitee' ? b.invitee : b.host);
export const when = (start: Date, end: Date, p: MailPerson) =>
  formatMeetingTime(start, end, p.timeZone, p.hourCycle, DATE_LOCALES[p.locale]);

/** What every headline draws on: the reader's wording, the other person, the meeting and its time. */
type Context = { t: MailText; other: string; meeting: string; time: string };

function contextOf(b: BookingMail, who: Audience): Context {
  const t = mailText(personOf(b, who).locale);
  const other = who === 'invitee' ? b.host.name : b.invitee.name;
  return { t, other, meeting: t('with', { title: b.title, other }), time: when(b.start, b.end, personOf(b, who)) };
}

export function headline(e: BookingMailEvent, b: BookingMail, who: Audience): Headline {
  const c = contextOf(b, who);
  const { t, other, meeting, time } = c;
  switch (e.kind) {
    case 'booked':
      if (b.status === 'pending') {
        return who === 'invitee'
          ? {
              subject: t('subject.requestSent', { meeting }),
              heading: t('booked.requestHeading'),
              intro: t('willConfirmOrDecline', { other }),
            }
          : {
              subject: t('subject.pleaseConfirm', { meeting }),
              heading: t('booked.approvalHeading'),
              intro: sentences(t('booked.askedFor', { other, time }), t('heldUntilYouDecide')),
            };
      }
      return who === 'invitee'
        ? {
            subject: t('subject.confirmed', { meeting }),
            heading: t('booked.bookedHeading'),
            intro: sentences(t('booked.youAreMeeting', { other }), t('invitationAttached')),
          }
        : {
            subject: t('subject.newBooking', { meeting }),
            heading: t('booked.newBookingHeading'),
            intro: t('booked.otherBooked', { other, time }),
          };
    case 'confirmed':
      return who === 'invitee'
        ? {
            subject: t('subject.confirmed', { meeting }),
            heading: t('confirmed.inviteeHeading', { other }),
            intro: t('invitationAttached'),
          }
        : {
            subject: t('subject.youConfirmed', { meeting }),
            heading: t('confirmed.hostHeading'),
            intro: t('confirmed.youConfirmed', { other }),
          };
    case 'declined':
      return who === 'invitee'
        ? {
            subject: t('subject.declined', { meeting }),
            heading: t('declined.inviteeHeading', { other }),
            intro: e.reason ? t('reason', { reason: e.reason }) : t('declined.pickAnother'),
          }
        : {
            subject: t('subject.youDeclined', { meeting }),
            heading: t('declined.hostHeading'),
            intro: e.reason ? t('yourReason', { reason: e.reason }) : t('declined.timeFree'),
          };
    case 'cancelled': {
      const byName = e.by === 'host' ? b.host.name : b.invitee.name;
      return {
        subject: t('subject.cancelled', { meeting }),
        heading: t('cancelled.heading'),
        intro: sentences(
          who === e.by ? t('cancelled.byYou') : t('cancelled.byOther', { name: byName }),
          e.reason && t('reason', { reason: e.reason }),
        ),
      };
    }
    case 'rescheduled':
      return moveHeadline(e, b, who, c);
    case 'reschedule_requested': {
      const reason = e.reason && t('reason', { reason: e.reason });
      return who === 'invitee'
        ? {
            subject: t('subject.pickNewTime', { meeting }),
            heading: t('rescheduleRequested.inviteeHeading', { other }),
            intro: sentences(
              t('rescheduleRequested.meetingCancelled', { time }),
              t('rescheduleRequested.chooseAnother'),
              reason,
            ),
          }
        : {
            subject: t('subject.newTimeRequested', { meeting }),
            heading: t('rescheduleRequested.hostHeading'),
            intro: sentences(
              t('rescheduleRequested.timeFree', { time }),
              t('rescheduleRequested.otherAsked', { other }),
              reason,
            ),
          };
    }
    case 'reminder': {
      const inTime = reminderLead(t, e.offsetMinutes);
      return {
        subject: t('subject.reminder', { meeting, inTime }),
        heading: t('reminder.heading', { inTime }),
        intro: t('booked.youAreMeeting', { other }),
      };
    }
    case 'video_ready':
      return {
        subject: t('subject.videoReady', { provider: e.provider, meeting }),
        heading: t('video.readyHeading', { provider: e.provider }),
        intro: who === 'invitee' ? t('video.joinBelow') : t('video.setUp', { provider: e.provider, other }),
      };
    case 'video_failed':
      return {
        subject: t('subject.videoFailed', { provider: e.provider, meeting }),
        heading: t('video.failedHeading', { provider: e.provider }),
        intro: sentences(sentence(e.reason), t('video.failedAdvice', { provider: e.provider, other })),
      };
  }
}

/** "in 2 hours": a reminder's lead in the largest whole unit, with the language's plural. */
function reminderLead(t: MailText, minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t('reminder.in.days', { count: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return t('reminder.in.hours', { count: minutes / 60 });
  return t('reminder.in.minutes', { count: minutes });
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * A booking at a new time. The host moving it tells the invitee so, with their reason; the invitee picking the
 * new time their host asked for brings the booking back, confirmed or waiting for the host as the type says.
 */
function moveHeadline(
  e: Extract<BookingMailEvent, { kind: 'rescheduled' }>,
  b: BookingMail,
  who: Audience,
  { t, other, meeting, time }: Context,
): Headline {
  const was = when(
    e.previousStart,
    new Date(e.previousStart.getTime() + (b.end.getTime() - b.start.getTime())),
    personOf(b, who),
  );
  const pending = b.status === 'pending';
  if (e.afterRequest && who === 'invitee')
    return pending
      ? {
          subject: t('subject.requestSent', { meeting }),
          heading: t('rescheduled.newTimeSentHeading'),
          intro: t('willConfirmOrDecline', { other }),
        }
      : {
          subject: t('subject.confirmed', { meeting }),
          heading: t('rescheduled.bookedAgainHeading'),
          intro: sentences(t('rescheduled.meetingAtNewTime', { other }), t('invitationAttached')),
        };
  if (e.afterRequest)
    return {
      subject: pending ? t('subject.pleaseConfirm', { meeting }) : t('subject.newTimePicked', { meeting }),
      heading: t('rescheduled.pickedHeading', { other }),
      intro: pending
        ? sentences(t('rescheduled.youAskedOtherAskedFor', { other, time }), t('heldUntilYouDecide'))
        : t('rescheduled.youAskedOtherBooked', { other, time }),
    };
  if (e.by === 'invitee' || who === 'host') {
    const byHost = e.by === 'host';
    return {
      subject:
        byHost && who === 'host' ? t('subject.youRescheduled', { meeting }) : t('subject.rescheduled', { meeting }),
      heading: t('rescheduled.movedHeading'),
      intro: sentences(
        t('rescheduled.itWas', { time: was }),
        byHost && t('rescheduled.otherTold', { other }),
        byHost && e.reason && t('yourReason', { reason: e.reason }),
      ),
    };
  }
  return {
    subject: t('subject.rescheduled', { meeting }),
    heading: t('rescheduled.otherMovedHeading', { other }),
    // The reason goes last: it is free text, which need not end as a sentence does.
    intro: sentences(
      t('rescheduled.itWas', { time: was }),
      !pending && t('updatedInvitationAttached'),
      e.reason && t('reason', { reason: e.reason }),
    ),
  };
}
