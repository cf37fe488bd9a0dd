import { bigserial, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgId } from './identity.js';
import { bookingRef, meetingTypeRef } from './scheduling.js';
import { ANALYTICS_EVENTS } from './values.js';

export const analyticsEvent = pgEnum('analytics_event', ANALYTICS_EVENTS);

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
