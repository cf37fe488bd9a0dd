import { z } from 'zod';
import { PAGE_EVENTS } from '../../db/schema/values.js';

export const pageEventBody = z.object({
  user: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  event: z.enum(PAGE_EVENTS),
});
export type PageEventRequest = z.input<typeof pageEventBody>;
export const pageEventResponse = z.object({ recorded: z.boolean() });

const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 instant.' });
export const reportQuery = z.object({ from: instant, to: instant });

export const typeStatsSchema = z.object({
  typeId: z.uuid(),
  title: z.string(),
  pageViews: z.number(),
  bookings: z.number(),
  /** Bookings per page view, 0..1. */
  conversionRate: z.number(),
});
export type TypeStats = z.output<typeof typeStatsSchema>;

export const analyticsReportSchema = z.object({
  pageViews: z.number(),
  slotViews: z.number(),
  bookings: z.number(),
  cancellations: z.number(),
  reschedules: z.number(),
  noShows: z.number(),
  /** Bookings per page view, 0..1. */
  conversionRate: z.number(),
  byType: z.array(typeStatsSchema),
  /** Days in the host's time zone; days without bookings may be missing. */
  byDay: z.array(z.object({ date: z.string(), bookings: z.number() })),
});
export type AnalyticsReport = z.output<typeof analyticsReportSchema>;
