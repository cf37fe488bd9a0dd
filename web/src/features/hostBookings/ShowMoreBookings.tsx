import { Button } from '../../ui/Button';

interface ShowMoreBookingsProps {
  /** How many bookings the list shows now. */
  shown: number;
  hasMore: boolean;
  pending: boolean;
  failed: boolean;
  onMore: () => void;
}

/**
 * The end of a list that came in pages: how many it shows, said again each time it grows (role=status), and a
 * button for the next page while there is one.
 */
export function ShowMoreBookings({ shown, hasMore, pending, failed, onMore }: ShowMoreBookingsProps) {
  return (
    <div className="mt-4 flex flex-col items-center gap-2">
      <p role="status" className="text-sm text-slate-600">
        {hasMore ? `Showing the first ${shown} bookings.` : `Showing all ${shown} bookings.`}
      </p>
      {failed && (
        <p role="alert" className="text-sm text-red-700">
          More bookings could not be loaded. Try again.
        </p>
      )}
      {hasMore && (
        <Button variant="secondary" pending={pending} onClick={onMore}>
          {pending ? 'Loading more…' : 'Show more'}
        </Button>
      )}
    </div>
  );
}
