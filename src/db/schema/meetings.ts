import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId, updatedAt } from './columns.js';
import { organizations, users } from './identity.js';

export const meetingKind = pgEnum('meeting_kind', ['quick', 'business']);
export const schedulingMode = pgEnum('scheduling_mode', ['single', 'collective', 'round_robin']);
export const bookingStatus = pgEnum('booking_status', ['pending', 'confirmed', 'cancelled', 'declined']);
export const reminderStatus = pgEnum('reminder_status', ['scheduled', 'sent', 'cancelled', 'skipped', 'failed']);
export const videoProvider = pgEnum('video_provider', ['jitsi', 'zoom', 'google_meet', 'teams']);
export const videoLinkStatus = pgEnum('video_link_status', ['pending', 'ready', 'failed', 'deleted']);
/** Connected accounts: a Google account gives calendars and Meet links, Microsoft gives Teams, Zoom gives Zoom. */
export const calendarProvider = pgEnum('calendar_provider', ['google', 'microsoft', 'caldav', 'ics', 'zoom']);
export const integrationStatus = pgEnum('integration_status', ['active', 'needs_reauth', 'disconnected']);
export const paymentStatus = pgEnum('payment_status', ['pending', 'succeeded', 'failed', 'refunded']);
export const documentPurpose = pgEnum('document_purpose', ['read', 'sign']);
export const documentStatus = pgEnum('document_status', ['pending', 'sent', 'viewed', 'completed', 'declined']);
export const workflowTrigger = pgEnum('workflow_trigger', [
  'booking_created',
  'booking_confirmed',
  'booking_cancelled',
  'booking_rescheduled',
  'before_meeting',
  'after_meeting',
  'document_completed',
]);
export const workflowIndustry = pgEnum('workflow_industry', ['general', 'legal', 'sales', 'real_estate', 'healthcare']);
export const analyticsEvent = pgEnum('analytics_event', [
  'page_view',
  'slot_view',
  'booking_created',
  'booking_cancelled',
  'booking_rescheduled',
  'no_show',
]);
/** superseded: a newer message about the same booking to the same person replaced it before it was sent. */
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed', 'dead', 'superseded']);

export type MeetingLocation = {
  type: 'jitsi' | 'zoom' | 'google_meet' | 'teams' | 'in_person' | 'phone' | 'none';
  value?: string;
};
export type BookingQuestion = {
  id: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'checkbox' | 'phone';
  required: boolean;
  options?: string[];
};
export type WeeklyInterval = { weekday: number; start: string; end: string };
export type DateOverride = { date: string; intervals: { start: string; end: string }[] };

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
  ],
);

/** One weekly schedule per host, in the host's zone; overrides replace a whole local date. */
export const meetingAvailability = pgTable(
  'meeting_availability',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<WeeklyInterval[]>().notNull().default([]),
    overrides: jsonb('overrides').$type<DateOverride[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('meeting_availability_user_key').on(t.userId), index('meeting_availability_org_idx').on(t.orgId)],
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
    hourCycle: text('hour_cycle').$type<'h12' | 'h23'>(),
    inviteeName: text('invitee_name').notNull(),
    inviteeEmail: text('invitee_email').notNull(),
    answers: jsonb('answers').$type<Record<string, string | boolean>>().notNull().default({}),
    notes: text('notes'),
    location: jsonb('location').$type<MeetingLocation & { url?: string }>().notNull(),
    /** iCalendar SEQUENCE: raised on every change the invitee's calendar must pick up. */
    sequence: integer('sequence').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    idempotencyFingerprint: text('idempotency_fingerprint'),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by'),
    noShow: boolean('no_show').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_bookings_uid_key').on(t.uid),
    uniqueIndex('meeting_bookings_idempotency_key').on(t.meetingTypeId, t.idempotencyKey),
    index('meeting_bookings_host_start_idx').on(t.hostUserId, t.startAt),
    index('meeting_bookings_org_status_start_idx').on(t.orgId, t.status, t.startAt),
    index('meeting_bookings_type_idx').on(t.meetingTypeId),
    check('meeting_bookings_time_check', sql`${t.endAt} > ${t.startAt}`),
    check('meeting_bookings_hour_cycle_check', sql`${t.hourCycle} is null or ${t.hourCycle} in ('h12', 'h23')`),
  ],
);

const bookingRef = () => uuid('booking_id').references(() => meetingBookings.id, { onDelete: 'cascade' });
const meetingTypeRef = () => uuid('meeting_type_id').references(() => meetingTypes.id, { onDelete: 'cascade' });

/** Planned, not yet used by any feature: documents to read or sign with a booking (issue 14, Send). */
export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    id: id(),
    orgId: orgId(),
    meetingTypeId: meetingTypeRef(),
    bookingId: bookingRef(),
    title: text('title').notNull(),
    purpose: documentPurpose('purpose').notNull().default('read'),
    status: documentStatus('status').notNull().default('pending'),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meeting_documents_org_idx').on(t.orgId),
    index('meeting_documents_type_idx').on(t.meetingTypeId),
    index('meeting_documents_booking_idx').on(t.bookingId),
  ],
);

/** Planned, not yet used by any feature: industry workflow templates (issue 16). */
export const meetingWorkflowTemplates = pgTable(
  'meeting_workflow_templates',
  {
    id: id(),
    /** Null for the built-in templates every organization can read. */
    orgId: uuid('org_id'),
    industry: workflowIndustry('industry').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('meeting_workflow_templates_org_idx').on(t.orgId, t.industry)],
);

/** Planned: workflows around a booking (issue 16); today only the signed inbound endpoint looks one up. */
export const meetingWorkflows = pgTable(
  'meeting_workflows',
  {
    id: id(),
    orgId: orgId(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    meetingTypeId: meetingTypeRef(),
    templateId: uuid('template_id').references(() => meetingWorkflowTemplates.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    trigger: workflowTrigger('trigger').notNull(),
    /** Minutes relative to the meeting start for before/after triggers. */
    offsetMinutes: integer('offset_minutes').notNull().default(0),
    actions: jsonb('actions').$type<Record<string, unknown>[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meeting_workflows_org_trigger_idx').on(t.orgId, t.trigger),
    index('meeting_workflows_type_idx').on(t.meetingTypeId),
  ],
);

export const meetingAnalytics = pgTable(
  'meeting_analytics',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    meetingTypeId: meetingTypeRef(),
    bookingId: bookingRef(),
    event: analyticsEvent('event').notNull(),
    /** A salted hash of the visitor, never the raw IP, so funnels count people without tracking them. */
    visitorHash: text('visitor_hash'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_analytics_org_time_idx').on(t.orgId, t.occurredAt),
    index('meeting_analytics_type_time_idx').on(t.meetingTypeId, t.occurredAt),
  ],
);

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

export const meetingCalendarIntegrations = pgTable(
  'meeting_calendar_integrations',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: calendarProvider('provider').notNull(),
    accountEmail: text('account_email'),
    /** Sealed with APP_SECRET: OAuth tokens or CalDAV passwords. */
    credentialsSealed: text('credentials_sealed'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    status: integrationStatus('status').notNull().default('active'),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_calendar_integrations_user_provider_key').on(t.userId, t.provider),
    index('meeting_calendar_integrations_org_idx').on(t.orgId),
  ],
);

export const meetingVideoLinks = pgTable(
  'meeting_video_links',
  {
    id: id(),
    orgId: orgId(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingBookings.id, { onDelete: 'cascade' }),
    provider: videoProvider('provider').notNull(),
    status: videoLinkStatus('status').notNull().default('pending'),
    url: text('url'),
    providerMeetingId: text('provider_meeting_id'),
    lastError: text('last_error'),
    /** The booking start the provider's meeting was last set to; differs after a reschedule until synced. */
    syncedStartAt: timestamp('synced_start_at', { withTimezone: true }),
    /** When the sync job should next look at this link (create, move or delete it); null when in step. */
    workDueAt: timestamp('work_due_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_video_links_booking_key').on(t.bookingId),
    index('meeting_video_links_org_idx').on(t.orgId),
    index('meeting_video_links_work_due_idx')
      .on(t.workDueAt)
      .where(sql`work_due_at is not null`),
  ],
);

/** Planned, not yet used by any feature: payments for paid meeting types (issue 17, Stripe). */
export const meetingPaymentTransactions = pgTable(
  'meeting_payment_transactions',
  {
    id: id(),
    orgId: orgId(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => meetingBookings.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull().default('stripe'),
    providerPaymentId: text('provider_payment_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    status: paymentStatus('status').notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('meeting_payment_transactions_provider_key').on(t.provider, t.providerPaymentId),
    index('meeting_payment_transactions_booking_idx').on(t.bookingId),
    check('meeting_payment_transactions_amount_check', sql`${t.amountCents} >= 0`),
  ],
);

/**
 * Planned, not yet used by any feature (issue 18, teams): the hosts of a team meeting type (collective or round
 * robin) and their round-robin weight.
 */
export const meetingTeamAvailability = pgTable(
  'meeting_team_availability',
  {
    orgId: orgId(),
    meetingTypeId: uuid('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    weight: integer('weight').notNull().default(100),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingTypeId, t.userId] }),
    index('meeting_team_availability_user_idx').on(t.userId),
  ],
);

export const meetingOrganizationSettings = pgTable('meeting_organization_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  defaultTimeZone: text('default_time_zone').notNull().default('UTC'),
  requireTotp: boolean('require_totp').notNull().default(false),
  brandColor: text('brand_color'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Every e-mail is written here in the transaction that caused it, then sent by a job. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    orgId: orgId(),
    bookingId: bookingRef(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachments: jsonb('attachments')
      .$type<{ filename: string; contentType: string; contentBase64: string }[]>()
      .notNull()
      .default([]),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A sender claims a row until this instant; a crashed sender's claim simply runs out. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Messages with one key (a booking and a recipient) coalesce: a burst of changes sends the latest state once. */
    coalesceKey: text('coalesce_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('email_outbox_org_created_idx').on(t.orgId, t.createdAt),
    index('email_outbox_coalesce_idx')
      .on(t.coalesceKey, t.createdAt)
      .where(sql`coalesce_key is not null`),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_to_idx').on(t.toAddress),
  ],
);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'succeeded', 'dead']);

/** Where a host wants booking events POSTed, signed with Standard Webhooks. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    orgId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** Sealed with APP_SECRET: the signing secret must be readable to sign, so it cannot be hashed. */
    secretSealed: text('secret_sealed').notNull(),
    events: text('events').array().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('webhook_endpoints_user_idx').on(t.userId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    orgId: orgId(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Message ids of accepted inbound signed calls, so a captured request cannot be replayed. */
export const inboundWebhookReceipts = pgTable('inbound_webhook_receipts', {
  messageId: text('message_id').primaryKey(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
