import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { analyticsKey, getAnalytics } from '../../features/analytics/api';
import { isEmptyReport, Report } from '../../features/analytics/Report';
import { rangeOf, ranges, type RangeValue } from '../../features/analytics/reportRange';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { timeZoneLabel } from '../../lib/timeZones';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { SectionHeader } from './SectionHeader';

export function AnalyticsPage() {
  const zone = useProfileZone();
  const [range, setRange] = useState<RangeValue>('30');
  // Recomputed only when the range or zone changes, so the query key stays put between renders.
  const { from, to, keys } = useMemo(() => rangeOf(Number(range), zone), [range, zone]);
  const report = useQuery({
    queryKey: [...analyticsKey, from, to],
    queryFn: ({ signal }) => getAnalytics(from, to, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <SectionHeader
        title="Analytics"
        description={`How visitors of your booking pages turn into meetings. Days are in your time zone (${timeZoneLabel(zone)}).`}
      />
      <SegmentedControl legend="Period" options={ranges} value={range} onChange={setRange} />
      {report.isPending ? (
        <LoadingBlock label="Loading analytics…" rows={4} />
      ) : report.isError ? (
        <LoadError what="analytics" error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <div className="space-y-6" aria-busy={report.isPlaceholderData || undefined}>
          {isEmptyReport(report.data) ? (
            <EmptyState
              title="No activity in this period"
              description="Nobody has viewed or booked your pages yet in this period. Share a booking link and the numbers appear here (views are counted first-party, without storing IP addresses)."
            />
          ) : (
            <Report data={report.data} days={keys} rangeLabel={ranges.find((r) => r.value === range)!.label} />
          )}
        </div>
      )}
    </>
  );
}
