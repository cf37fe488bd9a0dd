import { LoadError } from '../../ui/LoadingBlock';
import { Skeleton } from '../../ui/Skeleton';

interface BookingLoadStateProps {
  /** Why the booking could not be loaded; null while it is still on its way. */
  error: Error | null;
  onRetry: () => void;
  /** Centres the heading's placeholder, under which a centred heading will stand (the confirmation's). */
  centered?: boolean;
}

/** Stands in for an invitee's booking while it loads, or says it could not be loaded and offers to try again. */
export function BookingLoadState({ error, onRetry, centered = false }: BookingLoadStateProps) {
  if (error) return <LoadError what="your booking" error={error} onRetry={onRetry} />;
  return (
    <div className="space-y-4">
      <Skeleton className={centered ? 'mx-auto h-7 w-48' : 'h-7 w-64'} />
      <Skeleton className="h-32 w-full" />
      <span role="status" className="sr-only">
        Loading your booking…
      </span>
    </div>
  );
}
