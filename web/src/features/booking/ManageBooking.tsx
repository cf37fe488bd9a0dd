import { useState } from 'react';
import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextLink } from '../../ui/TextLink';
import { AddToCalendar } from './AddToCalendar';
import { icsPath, type Booking } from './api';
import { BookingDetails } from './BookingDetails';
import { CancelBookingForm } from './CancelBookingForm';
import { RescheduleBooking } from './RescheduleBooking';
import { useViewerPreferences } from './useViewerPreferences';

/** What the invitee opens the page to do; a booking that can no longer change is only viewed. */
type ManageMode = 'view' | 'cancel' | 'reschedule';

function StatusBadge({ booking, over }: { booking: Booking; over: boolean }) {
  if (booking.rescheduleRequestedAt) return <Badge tone="amber">New time needed</Badge>;
  if (booking.status === 'cancelled') return <Badge tone="red">Cancelled</Badge>;
  if (booking.status === 'declined') return <Badge tone="red">Declined</Badge>;
  if (over) return <Badge>Past</Badge>;
  if (booking.status === 'pending') return <Badge tone="amber">Pending</Badge>;
  return <Badge tone="green">Confirmed</Badge>;
}

interface ManageBookingProps {
  booking: Booking;
  token: string;
  initialMode: ManageMode;
  /** The booking was cancelled or moved. */
  onChanged: () => void;
}

/** The invitee's booking: its state and details, and rescheduling or cancelling it while it is ahead. */
export function ManageBooking({ booking, token, initialMode, onChanged }: ManageBookingProps) {
  const prefs = useViewerPreferences();
  const [now] = useState(() => Date.now());
  const active = booking.status === 'confirmed' || booking.status === 'pending';
  const over = Date.parse(booking.end) <= now;
  // The host asked for a new time: the booking is cancelled until the invitee picks one, whenever that is.
  const asked = booking.status === 'cancelled' && booking.rescheduleRequestedAt !== null;
  const changeable = (active && !over) || asked;
  const [mode, setMode] = useState<ManageMode>(
    changeable && !(asked && initialMode === 'cancel') ? initialMode : 'view',
  );
  const [done, setDone] = useState<string | null>(null);
  const bookAgain = `/${encodeURIComponent(booking.host.username)}/${encodeURIComponent(booking.eventType.slug)}`;

  const headline = asked
    ? `${booking.host.name} asked you to pick a new time`
    : !active
      ? booking.status === 'cancelled'
        ? 'This booking is cancelled'
        : 'The host declined this request'
      : over
        ? 'This meeting has ended'
        : booking.status === 'pending'
          ? 'Waiting for the host to confirm'
          : 'Your booking is confirmed';

  return (
    <>
      <div className="space-y-2">
        <StatusBadge booking={booking} over={over} />
        <h1 className="text-2xl font-semibold tracking-tight">{headline}</h1>
        {booking.status === 'pending' && !over && (
          <p className="text-sm text-slate-600">You will get an e-mail when the host confirms or declines.</p>
        )}
        {asked && (
          <p className="text-sm text-slate-600">
            The meeting's old time no longer holds. Choose another that suits you.
            {booking.cancelReason && <span className="block">Reason: {booking.cancelReason}</span>}
          </p>
        )}
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {mode !== 'reschedule' && <BookingDetails booking={booking} timeZone={prefs.timeZone} hour12={prefs.hour12} />}

      {mode === 'view' && asked && (
        <div className="border-t border-slate-200 pt-6">
          <Button onClick={() => setMode('reschedule')}>Pick a new time</Button>
        </div>
      )}

      {mode === 'view' && changeable && !asked && (
        <div className="space-y-6">
          {booking.status === 'confirmed' && (
            <AddToCalendar
              booking={booking}
              icsHref={icsPath(booking.uid, token)}
              manageUrl={`${window.location.origin}${window.location.pathname}?${new URLSearchParams({ token }).toString()}`}
            />
          )}
          <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
            <Button variant="secondary" onClick={() => setMode('reschedule')}>
              Reschedule
            </Button>
            <Button variant="secondaryDanger" onClick={() => setMode('cancel')}>
              Cancel booking
            </Button>
          </div>
        </div>
      )}

      {mode === 'cancel' && (
        <CancelBookingForm
          booking={booking}
          token={token}
          onBack={() => setMode('view')}
          onDone={() => {
            setMode('view');
            onChanged();
            setDone('Your booking is cancelled. The host has been told.');
          }}
        />
      )}

      {mode === 'reschedule' && (
        <RescheduleBooking
          booking={booking}
          token={token}
          prefs={prefs}
          onBack={() => setMode('view')}
          onDone={(moved) => {
            setMode('view');
            onChanged();
            const start = Date.parse(moved.start);
            const time = `${formatTimeRange(start, Date.parse(moved.end), prefs.timeZone, prefs.hour12)} on ${formatLongDate(start, prefs.timeZone)}`;
            setDone(
              !asked
                ? `Rescheduled to ${time}.`
                : moved.status === 'pending'
                  ? `Your new time, ${time}, was sent to ${booking.host.name} to confirm.`
                  : `Booked again for ${time}.`,
            );
          }}
        />
      )}

      {!changeable && (
        <p className="border-t border-slate-200 pt-6 text-sm text-slate-700">
          Want to meet {active ? 'again' : 'at another time'}? <TextLink href={bookAgain}>Book a new time</TextLink>
        </p>
      )}
    </>
  );
}
