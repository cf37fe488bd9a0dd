import { sql } from 'drizzle-orm';
import {
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
import { createdAt, id, updatedAt } from './columns.js';
import { organizations, orgId, userId, users } from './identity.js';
import { bookingRef, meetingBookings, meetingTypeRef, meetingTypes } from './scheduling.js';
import {
  DOCUMENT_PURPOSES,
  DOCUMENT_STATUSES,
  PAYMENT_STATUSES,
  WORKFLOW_INDUSTRIES,
  WORKFLOW_TRIGGERS,
} from './values.js';

/**
 * Planned tables: created by the migrations so the modules that will fill them start from a settled schema,
 * but no feature reads them yet. Each names the issue that brings its feature; a table moves to its module's
 * file when that feature lands.
 */

export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);
export const documentPurpose = pgEnum('document_purpose', DOCUMENT_PURPOSES);
export const documentStatus = pgEnum('document_status', DOCUMENT_STATUSES);
export const workflowTrigger = pgEnum('workflow_trigger', WORKFLOW_TRIGGERS);
export const workflowIndustry = pgEnum('workflow_industry', WORKFLOW_INDUSTRIES);

/** Documents to read or sign with a booking (issue 14, Send). */
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

/** Industry workflow templates (issue 16). */
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

/** Workflows around a booking (issue 16); today only the signed inbound endpoint looks one up (workflows repo). */
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

/** Payments for paid meeting types (issue 17, Stripe). */
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
 * The hosts of a team meeting type (collective or round robin) and their round-robin weight (issue 18, teams).
 */
export const meetingTeamAvailability = pgTable(
  'meeting_team_availability',
  {
    orgId: orgId(),
    meetingTypeId: uuid('meeting_type_id')
      .notNull()
      .references(() => meetingTypes.id, { onDelete: 'cascade' }),
    userId: userId(),
    weight: integer('weight').notNull().default(100),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingTypeId, t.userId] }),
    index('meeting_team_availability_user_idx').on(t.userId),
  ],
);

/** An organization's defaults (issue 18, organizations); sign-up writes the owner's zone, nothing reads it yet. */
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
