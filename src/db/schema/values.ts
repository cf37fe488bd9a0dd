/**
 * Every fixed list of values the product stores or answers with, written once. The database enums are built
 * from these lists, and so are the zod enums of the API and the web app's choices. No imports: the browser
 * loads this file as it is, without Drizzle.
 *
 * The order of a list is the order of its database enum: append new values, never reorder.
 */

export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
/** Who may create an account (SIGNUP) and whether a new address must be proved first (EMAIL_VERIFICATION). */
export const SIGNUP_POLICIES = ['open', 'invite', 'closed'] as const;
export const EMAIL_VERIFICATION_MODES = ['required', 'off'] as const;

export const MEETING_KINDS = ['quick', 'business'] as const;
export const SCHEDULING_MODES = ['single', 'collective', 'round_robin'] as const;

export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'declined'] as const;
/** Bookings that hold their time: the no-double-booking constraint covers these. */
export const LIVE_BOOKING_STATUSES = ['pending', 'confirmed'] as const;
export const REMINDER_STATUSES = ['scheduled', 'sent', 'cancelled', 'skipped', 'failed'] as const;
/** The clock an invitee reads times on: 12-hour or 24-hour. */
export const HOUR_CYCLES = ['h12', 'h23'] as const;
/** The languages the booking pages and e-mails are written in; the first is the default. */
export const LOCALES = ['en', 'de'] as const;
/** The steps of a new host's first-run guide, in order. */
export const ONBOARDING_STEPS = ['profile', 'availability', 'link', 'calendar'] as const;

export const VIDEO_PROVIDERS = ['jitsi', 'zoom', 'google_meet', 'teams'] as const;
export const VIDEO_LINK_STATUSES = ['pending', 'ready', 'failed', 'deleted'] as const;
/** Where a meeting takes place: a video call made for each booking, or what the host typed in. */
export const LOCATION_TYPES = [...VIDEO_PROVIDERS, 'in_person', 'phone', 'none'] as const;
/** The locations that take an address or phone number from the host. */
export const LOCATION_TYPES_WITH_VALUE = ['in_person', 'phone'] as const;
export const QUESTION_TYPES = ['text', 'textarea', 'select', 'checkbox', 'phone'] as const;

/** The accounts a host can connect with OAuth; each gives one video provider (and later its calendars). */
export const OAUTH_PROVIDERS = ['zoom', 'google', 'microsoft'] as const;
/** Connected accounts: a Google account gives calendars and Meet links, Microsoft gives Teams, Zoom gives Zoom. */
export const CALENDAR_PROVIDERS = ['google', 'microsoft', 'caldav', 'ics', 'zoom'] as const;
export const INTEGRATION_STATUSES = ['active', 'needs_reauth', 'disconnected'] as const;

/** superseded: a newer message about the same booking to the same person replaced it before it was sent. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'dead', 'superseded'] as const;

export const WEBHOOK_EVENTS = [
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.confirmed',
  'booking.declined',
  'reminder.sent',
] as const;
/**
 * A delivery the host sent to try an endpoint. Not in WEBHOOK_EVENTS: no endpoint subscribes to it, so no
 * booking ever queues it, and it is never taken for a real event.
 */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'dead'] as const;

/** What a public booking page reports itself; the other analytics events are recorded by the server. */
export const PAGE_EVENTS = ['page_view', 'slot_view'] as const;
export const ANALYTICS_EVENTS = [
  ...PAGE_EVENTS,
  'booking_created',
  'booking_cancelled',
  'booking_rescheduled',
  'no_show',
] as const;

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;
export const DOCUMENT_PURPOSES = ['read', 'sign'] as const;
export const DOCUMENT_STATUSES = ['pending', 'sent', 'viewed', 'completed', 'declined'] as const;
export const WORKFLOW_TRIGGERS = [
  'booking_created',
  'booking_confirmed',
  'booking_cancelled',
  'booking_rescheduled',
  'before_meeting',
  'after_meeting',
  'document_completed',
] as const;
export const WORKFLOW_INDUSTRIES = ['general', 'legal', 'sales', 'real_estate', 'healthcare'] as const;

/** The longest meeting a type may have, and so any booking (meeting_bookings_length_check). */
export const MAX_MEETING_MINUTES = 720;
