import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { locale, orgId, userId, users } from './identity.js';
import type { BookedLocation, BookingQuestion, DateOverride, MeetingLocation, WeeklyInterval } from './stored-json.js';
import { BOOKING_STATUSES, HOUR_CYCLES, MEETING_KINDS, REMINDER_STATUSES, SCHEDULING_MODES } from './values.js';

/** Meeting types, hosts' hours, bookings and their reminders: the scheduling module's tables. */

export const meetingKind = pgEnum('meeting_kind', MEETING_KINDS);
export const schedulingMode = pgEnum('scheduling_mode', SCHEDULING_MODES);
export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);
export const reminderStatus = pgEnum('reminder_status', REMINDER_STATUSES);

const hostId = () =>
  uuid('host_user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

export const meetingTypes = pgTable(
  'meeting_types',
  {
    id: id(),
    orgId: orgId(),
    hostUserId: hostId(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    kind: meetingKind('kind').notNull().default('quick'),
    schedulingMode: schedulingMode('scheduling_mode').notNull().default('single'),
    durationMinutes: integer('duration_minutes').notNull(),
    slotIntervalMinutes: integer('slot_interval_minutes'),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    minimumNoticeMinutes: integer('minimum_notice_minutes').notNull().default(240),
    bookingWindowDays: integer('booking_window_days').notNull().default(60),
    maxBookingsPerDay: integer('max_bookings_per_day'),
    requiresConfirmation: boolean('requires_confirmation').notNull().default(false),
    location: jsonb('location').$type<MeetingLocation>().notNull().default({ type: 'jitsi' }),
    questions: jsonb('questions').$type<BookingQuestion[]>().notNull().default([]),
    reminderOffsetsMinutes: integer('reminder_offsets_minutes')
      .array()
      .notNull()
      .default(sql`'{1440,60}'::integer[]`),
    priceCents: integer('price_cents'),
    currency: text('currency'),
    isActive: boolean('is_active').notNull().default(true),
    isSecret: boolean('is_secret').notNull().default(false),
    /** The hours bookings of this type follow; none means the host's default schedule. */
    scheduleId: uuid('schedule_id').references((): AnyPgColumn => meetingAvailability.id, { onDelete: 'set null' }),
    /** A colour to tell types apart in the dashboard, "#rrggbb"; none picks one from the palette. */
    color: text('color'),
    /** Where the invitee goes after booking instead of the confirmation; opt-in to pass the booking's details. */
    redirectUrl: text('redirect_url'),
    redirectWithDetails: boolean('redirect_with_details').notNull().default(false),
    /** Set when the host deletes a type that has bookings: they stay for history, the type leaves every list. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_types_host_slug_key')
      .on(t.hostUserId, t.slug)
      .where(sql`archived_at is null`),
    index('meeting_types_org_idx').on(t.orgId),
    check('meeting_types_duration_check', sql`${t.durationMinutes} between 5 and 720`),
    check(
      'meeting_types_buffers_check',
      sql`${t.bufferBeforeMinutes} between 0 and 720 and ${t.bufferAfterMinutes} between 0 and 720`,
    ),
    check(
      'meeting_types_interval_check',
      sql`${t.slotIntervalMinutes} is null or ${t.slotIntervalMinutes} between 5 and 720`,
    ),
    check('meeting_types_notice_check', sql`${t.minimumNoticeMinutes} >= 0`),
    check('meeting_types_window_check', sql`${t.bookingWindowDays} between 1 and 730`),
    check('meeting_types_daily_limit_check', sql`${t.maxBookingsPerDay} is null or ${t.maxBookingsPerDay} >= 1`),
    check('meeting_types_color_check', sql`${t.color} is null or ${t.color} ~ '^#[0-9a-f]{6}$'`),
  ],
);

/**
 * A host's named schedules ("Working hours", "Evenings"), each weekly hours in its zone with overrides that
 * replace a whole local date. One is the default: the contract's /api/meetings/availability and every meeting
 * type without a schedule of its own use it.
 */
export const meetingAvailability = pgTable(
  'meeting_availability',
  {
    id: id(),
    orgId: orgId(),
    userId: userId(),
    name: text('name').notNull().default('Working hours'),
    isDefault: boolean('is_default').notNull().default(true),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<WeeklyInterval[]>().notNull().default([]),
    overrides: jsonb('overrides').$type<DateOverride[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_availability_default_key')
      .on(t.userId)
      .where(sql`is_default`),
    uniqueIndex('meeting_availability_user_name_key').on(t.userId, sql`lower(${t.name})`),
    index('meeting_availability_org_idx').on(t.orgId),
  ],
);

/**
 * The exclusion constraint that forbids two live bookings of one host overlapping is in the custom
 * migration: Drizzle cannot express EXCLUDE constraints.
 */
export const meetingBookings = pgTable(
  'meeting_bookings',
  {
    id: id(),
    /** Public identifier used in links; generated by a trigger when not supplied. */
    uid: text('uid')
      .notNull()
      .default(sql`generate_public_id()`),
    orgId: orgId(),
    // Restrict: a booking is never removed along with its meeting type; such types are archived instead.
    meetingTypeId: uuid('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'restrict' }),
    hostUserId: hostId(),
    status: bookingStatus('status').notNull().default('confirmed'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    /** The invitee's clock on the booking page (12 or 24 hours); their e-mails show times the same way. */
    hourCycle: text('hour_cycle').$type<(typeof HOUR_CYCLES)[number]>(),
    inviteeName: text('invitee_name').notNull(),
    inviteeEmail: text('invitee_email').notNull(),
    answers: jsonb('answers').$type<Record<string, string | boolean>>().notNull().default({}),
    notes: text('notes'),
    location: jsonb('location').$type<BookedLocation>().notNull(),
    /** iCalendar SEQUENCE: raised on every change the invitee's calendar must pick up. */
    sequence: integer('sequence').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    idempotencyFingerprint: text('idempotency_fingerprint'),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by'),
    noShow: boolean('no_show').notNull().default(false),
    /** The host's private note; never shown to the invitee, in e-mails or in webhooks. */
    hostNote: text('host_note'),
    /** Set when the host asked the invitee to pick a new time: the booking is cancelled until they do. */
    rescheduleRequestedAt: timestamp('reschedule_requested_at', { withTimezone: true }),
    /** The language the invitee booked in; their e-mails and pages follow it. */
    locale: locale('locale').notNull().default('en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_bookings_uid_key').on(t.uid),
    uniqueIndex('meeting_bookings_idempotency_key').on(t.meetingTypeId, t.idempotencyKey),
    // The host's list pages by (start, id), and the slot engine reads a host's bookings by start.
    index('meeting_bookings_host_start_id_idx').on(t.hostUserId, t.startAt, t.id),
    index('meeting_bookings_org_status_start_idx').on(t.orgId, t.status, t.startAt),
    index('meeting_bookings_type_idx').on(t.meetingTypeId),
    check('meeting_bookings_time_check', sql`${t.endAt} > ${t.startAt}`),
    // No meeting lasts longer than a type may (720 minutes): reads of the bookings near a time can then bound
    // start_at on both sides and range-scan the index on (host, start), under row level security too.
    check('meeting_bookings_length_check', sql`${t.endAt} - ${t.startAt} <= interval '720 minutes'`),
    check('meeting_bookings_hour_cycle_check', sql`${t.hourCycle} is null or ${t.hourCycle} in ('h12', 'h23')`),
  ],
);

/** A column naming a booking; rows about a booking go with it. */
export const bookingRef = () => uuid('booking_id').references(() => meetingBookings.id, { onDelete: 'cascade' });
/** A column naming a meeting type; rows about a type go with it. */
export const meetingTypeRef = () => uuid('meeting_type_id').references(() => meetingTypes.id, { onDelete: 'cascade' });

export const meetingReminders = pgTable(
  'meeting_reminders',
  {
    id: id(),
    orgId: orgId(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingBookings.id, { onDelete: 'cascade' }),
    offsetMinutes: integer('offset_minutes').notNull(),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    status: reminderStatus('status').notNull().default('scheduled'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    jobId: text('job_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_reminders_booking_offset_key').on(t.bookingId, t.offsetMinutes),
    index('meeting_reminders_due_idx').on(t.status, t.scheduledFor),
  ],
);
