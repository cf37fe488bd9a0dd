import type { CSSProperties } from 'react';
import { Link } from 'wouter';
import { formatTime, formatTimeRange } from '../../lib/zonedTime';
import { focusRing } from '../../ui/focusRing';
import type { Booking } from '../booking/api';

interface WeekBookingLinkProps {
  booking: Booking;
  zone: string;
  hour12: boolean;
  now: number;
  /** Placed on the grid (absolute, sized by its duration), or a row of the day's list on a narrow screen. */
  placement?: CSSProperties;
  /** Placed, it has room for two lines only. */
  short?: boolean;
}

const tone = (booking: Booking, now: number) =>
  booking.status === 'pending'
    ? 'border-amber-500 border-dashed bg-amber-50 text-amber-950 hover:bg-amber-100'
    : Date.parse(booking.end) <= now
      ? 'border-slate-400 bg-slate-100 text-slate-800 hover:bg-slate-200'
      : 'border-indigo-500 bg-indigo-50 text-indigo-950 hover:bg-indigo-100';

/** One booking of the week view, opening its details: its time, invitee and type, and "pending" while it is. */
export function WeekBookingLink({ booking, zone, hour12, now, placement, short }: WeekBookingLinkProps) {
  const start = Date.parse(booking.start);
  const time = formatTimeRange(start, Date.parse(booking.end), zone, hour12);
  const pending = booking.status === 'pending' ? ' (pending)' : '';
  return (
    <Link
      href={`/bookings/${booking.uid}`}
      style={placement}
      aria-label={`${time}, ${booking.invitee.name}, ${booking.eventType.title}${pending}`}
      className={`block overflow-hidden rounded-md border-l-4 ${tone(booking, now)} ${focusRing} ${
        placement ? 'absolute px-1.5 py-0.5 text-[11px] leading-[14px]' : 'px-3 py-2 text-sm'
      }`}
    >
      {placement ? (
        // A short block has room for when and who; a longer one shows the type below them.
        <>
          <span className="block truncate font-semibold tabular-nums">{formatTime(start, zone, hour12)}</span>
          <span className="block truncate">{booking.invitee.name}</span>
          {!short && (
            <span className="block truncate opacity-80">
              {booking.eventType.title}
              {pending}
            </span>
          )}
        </>
      ) : (
        <>
          <span className="block font-semibold tabular-nums">{time}</span>
          <span className="block truncate">
            {booking.invitee.name} · {booking.eventType.title}
            {pending}
          </span>
        </>
      )}
    </Link>
  );
}
