import { Badge } from '../../ui/Badge';
import type { Booking } from '../booking/api';

/** Where a booking stands, as the host's views badge it. */
export function BookingStatus({ booking, now }: { booking: Booking; now: number }) {
  const badge = booking.rescheduleRequestedAt ? (
    <Badge tone="amber">Reschedule requested</Badge>
  ) : booking.status === 'cancelled' ? (
    <Badge tone="red">Cancelled</Badge>
  ) : booking.status === 'declined' ? (
    <Badge tone="red">Declined</Badge>
  ) : booking.status === 'pending' ? (
    <Badge tone="amber">Pending</Badge>
  ) : Date.parse(booking.end) <= now ? (
    <Badge>Past</Badge>
  ) : (
    <Badge tone="green">Confirmed</Badge>
  );
  return (
    <div className="flex flex-wrap gap-1">
      {badge}
      {booking.noShow && <Badge tone="amber">No-show</Badge>}
    </div>
  );
}
