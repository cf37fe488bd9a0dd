import type { AnalyticsReport } from '../../../../src/modules/analytics/schemas';
import { api } from '../../lib/api';

export type { AnalyticsReport, TypeStats } from '../../../../src/modules/analytics/schemas';

export const analyticsKey = ['analytics'] as const;

export function getAnalytics(from: string, to: string, signal?: AbortSignal) {
  return api.get<AnalyticsReport>(`/api/meetings/analytics?${new URLSearchParams({ from, to }).toString()}`, {
    signal,
  });
}
