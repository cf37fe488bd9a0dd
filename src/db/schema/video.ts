import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { orgId, userId } from './identity.js';
import { meetingBookings } from './scheduling.js';
import { CALENDAR_PROVIDERS, INTEGRATION_STATUSES, VIDEO_LINK_STATUSES, VIDEO_PROVIDERS } from './values.js';

/** Connected accounts and the video meeting made for each booking: the video module's tables. */

export const videoProvider = pgEnum('video_provider', VIDEO_PROVIDERS);
export const videoLinkStatus = pgEnum('video_link_status', VIDEO_LINK_STATUSES);
/** Connected accounts: a Google account gives calendars and Meet links, Microsoft gives Teams, Zoom gives Zoom. */
export const calendarProvider = pgEnum('calendar_provider', CALENDAR_PROVIDERS);
export const integrationStatus = pgEnum('integration_status', INTEGRATION_STATUSES);

export const meetingCalendarIntegrations = pgTable(
  'meeting_calendar_integrations',
  {
    id: id(),
    orgId: orgId(),
    userId: userId(),
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
