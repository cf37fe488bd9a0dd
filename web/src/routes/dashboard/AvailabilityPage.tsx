import { useQuery } from '@tanstack/react-query';
import { availabilityKey, getAvailability } from '../../features/availability/api';
import { AvailabilityEditor } from '../../features/availability/AvailabilityEditor';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

export function AvailabilityPage() {
  const availability = useQuery({ queryKey: availabilityKey, queryFn: ({ signal }) => getAvailability(signal) });
  return (
    <>
      <SectionHeader
        title="Availability"
        description="The hours people can book you, in your time zone. Meeting types share these hours."
      />
      {availability.isPending ? (
        <LoadingBlock label="Loading your availability…" rows={4} />
      ) : availability.isError ? (
        <LoadError what="your availability" error={availability.error} onRetry={() => availability.refetch()} />
      ) : (
        <AvailabilityEditor initial={availability.data} />
      )}
    </>
  );
}
