import { api } from '../../lib/api';

export interface TypeStats {
  typeId: string;
  title: string;
  pageViews: number;
  bookings: number;
  /** 0..1 */
  conversionRate: number;
}

export interface AnalyticsReport {
  pageViews: number;
  slotViews: number;
  bookings: number;
  cancellations: number;
  reschedules: number;
  noShows: number;
  /** Bookings per page view, 0..1. */
  conversionRate: number;
  byType: TypeStats[];
  /** Days in the host's time zone; days without bookings may be missing. */
  byDay: { date: string; bookings: number }[];
}

export const analyticsKey = ['analytics'] as const;

export function getAnalytics(from: string, to: string, signal?: AbortSignal) {
  return api.get<AnalyticsReport>(`/api/meetings/analytics?${new URLSearchParams({ from, to }).toString()}`, {
    signal,
  });
}
