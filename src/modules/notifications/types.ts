import type { BOOKING_STATUSES, LOCALES } from '../../db/schema/values.js';
import type { HourCycle } from '../../lib/time.js';

/** A language the e-mails are written in: the invitee's for their mail, the host's for theirs. */
export type Locale = (typeof LOCALES)[number];

/** One side of a booking; their e-mails are in their language, with times in their zone and clock. */
export type MailPerson = { name: string; email: string; timeZone: string; hourCycle: HourCycle; locale: Locale };

/** What every booking message needs to know; built by the scheduling module from a booking. */
export type BookingMail = {
  uid: string;
  sequence: number;
  status: (typeof BOOKING_STATUSES)[number];
  title: string;
  start: Date;
  end: Date;
  host: MailPerson;
  invitee: MailPerson;
  location: { type: string; url?: string; value?: string };
  questions: { id: string; label: string; type: string }[];
  answers: Record<string, string | boolean>;
  notes: string | null;
  /** The invitee's links: manage, cancel, reschedule, ics. */
  links: { manage: string; cancel: string; reschedule: string; ics: string };
  dashboardUrl: string;
  settingsUrl: string;
};

export type BookingMailEvent =
  | { kind: 'booked' }
  | { kind: 'confirmed' }
  | { kind: 'declined'; reason: string | null }
  | { kind: 'cancelled'; by: 'host' | 'invitee'; reason: string | null }
  /** `afterRequest`: the invitee picked the new time the host asked for; the booking was cancelled until then. */
  | { kind: 'rescheduled'; previousStart: Date; by: 'host' | 'invitee'; reason: string | null; afterRequest: boolean }
  /** The host asked the invitee to pick a new time: the booking is cancelled until they do. */
  | { kind: 'reschedule_requested'; reason: string | null }
  | { kind: 'reminder'; offsetMinutes: number }
  /** The video provider's link arrived after the confirmation: an update carrying it. */
  | { kind: 'video_ready'; provider: string }
  /** To the host only: the provider would not give us a link, and why. */
  | { kind: 'video_failed'; provider: string; reason: string };

export type Attachment = { filename: string; contentType: string; contentBase64: string };
export type OutgoingMail = { to: string; subject: string; text: string; html: string; attachments: Attachment[] };

/**
 * A message about a person's own account, sent to its address in the account's language; each carries the
 * one-time link it is for.
 */
export type AccountMail = { name: string; locale: Locale } & (
  | { kind: 'password_reset'; resetUrl: string; validMinutes: number }
  | { kind: 'email_verification'; verifyUrl: string; validHours: number; pagesWaiting: boolean }
  /** Sign-up with an address that already has an account: no account is made, its owner is told how to get in. */
  | { kind: 'account_exists'; loginUrl: string; resetUrl: string; validMinutes: number }
);
