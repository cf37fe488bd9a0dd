import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { orgId } from './identity.js';
import { bookingRef } from './scheduling.js';
import { OUTBOX_STATUSES } from './values.js';

/** superseded: a newer message about the same booking to the same person replaced it before it was sent. */
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);

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
