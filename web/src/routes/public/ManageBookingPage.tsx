import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams, useSearchParams } from 'wouter';
import {
  cancelAsInvitee,
  fetchInviteeBooking,
  icsPath,
  inviteeBookingKey,
  rescheduleAsInvitee,
  type Booking,
  type Slot,
} from '../../features/booking/api';
import { AddToCalendar } from '../../features/booking/AddToCalendar';
import { BookingDetails } from '../../features/booking/BookingDetails';
import { SlotPicker, usePickerView } from '../../features/booking/SlotPicker';
import { slotsKeyPrefix, useSlotStream } from '../../features/booking/useSlots';
import { useViewerPreferences, type ViewerPreferences } from '../../features/booking/useViewerPreferences';
import { ApiError } from '../../lib/api';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange, zonedDateKey } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { PageTitle } from '../../ui/PageTitle';
import { Skeleton } from '../../ui/Skeleton';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextLink } from '../../ui/TextLink';
import { PageLoadError } from './PageLoadError';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

type Mode = 'view' | 'cancel' | 'reschedule';

/** /booking/{uid}?token=…[&action=cancel|reschedule]: the invitee's view of one booking. */
export function ManageBookingPage() {
  const { uid = '' } = useParams<{ uid: string }>();
  const [search, setSearch] = useSearchParams();
  const token = search.get('token') ?? '';
  const action = search.get('action');
  // Once done, the action is history: a reload shows the booking, not the reschedule or cancel step again.
  const clearAction = () =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('action');
        return next;
      },
      { replace: true },
    );
  const booking = useQuery({
    queryKey: inviteeBookingKey(uid),
    queryFn: ({ signal }) => fetchInviteeBooking(uid, token, signal),
    enabled: token !== '',
  });

  const invalidLink = (
    <PublicNotFound
      title="Booking not found"
      description="This link is not valid. Open the link from your confirmation e-mail again; it contains a key that lets you manage the booking."
    />
  );
  if (token === '') return invalidLink;
  if (booking.isPending) {
    return (
      <PublicLayout>
        <PublicCard className="space-y-4 p-6">
          <Skeleton className="h-7 w-64" />
          <Skeleton className="h-32 w-full" />
          <span role="status" className="sr-only">
            Loading your booking…
          </span>
        </PublicCard>
      </PublicLayout>
    );
  }
  if (booking.isError) {
    if (booking.error instanceof ApiError && booking.error.status === 404) return invalidLink;
    return <PageLoadError message={booking.error.message} onRetry={() => booking.refetch()} />;
  }
  return (
    <ManageBooking
      booking={booking.data}
      token={token}
      initialMode={action === 'cancel' || action === 'reschedule' ? action : 'view'}
      onChanged={clearAction}
    />
  );
}

interface ManageBookingProps {
  booking: Booking;
  token: string;
  initialMode: Mode;
  /** The booking was cancelled or moved. */
  onChanged: () => void;
}

function ManageBooking({ booking, token, initialMode, onChanged }: ManageBookingProps) {
  const prefs = useViewerPreferences();
  const [now] = useState(() => Date.now());
  const active = booking.status === 'confirmed' || booking.status === 'pending';
  const over = Date.parse(booking.end) <= now;
  const changeable = active && !over;
  const [mode, setMode] = useState<Mode>(changeable ? initialMode : 'view');
  const [done, setDone] = useState<string | null>(null);
  const bookAgain = `/${encodeURIComponent(booking.host.username)}/${encodeURIComponent(booking.eventType.slug)}`;

  const headline = !active
    ? booking.status === 'cancelled'
      ? 'This booking is cancelled'
      : 'The host declined this request'
    : over
      ? 'This meeting has ended'
      : booking.status === 'pending'
        ? 'Waiting for the host to confirm'
        : 'Your booking is confirmed';

  return (
    <PublicLayout>
      <PageTitle>{`${booking.eventType.title} with ${booking.host.name}`}</PageTitle>
      <PublicCard className="space-y-6 p-5 sm:p-8">
        <div className="space-y-2">
          <StatusBadge booking={booking} over={over} />
          <h1 className="text-2xl font-semibold tracking-tight">{headline}</h1>
          {booking.status === 'pending' && !over && (
            <p className="text-sm text-slate-600">You will get an e-mail when the host confirms or declines.</p>
          )}
        </div>
        {done && <Notice tone="success">{done}</Notice>}
        {mode !== 'reschedule' && <BookingDetails booking={booking} timeZone={prefs.timeZone} hour12={prefs.hour12} />}

        {mode === 'view' && changeable && (
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
          <CancelForm
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
          <Reschedule
            booking={booking}
            token={token}
            prefs={prefs}
            onBack={() => setMode('view')}
            onDone={(moved) => {
              setMode('view');
              onChanged();
              const start = Date.parse(moved.start);
              setDone(
                `Rescheduled to ${formatTimeRange(start, Date.parse(moved.end), prefs.timeZone, prefs.hour12)} on ${formatLongDate(start, prefs.timeZone)}.`,
              );
            }}
          />
        )}

        {!changeable && (
          <p className="border-t border-slate-200 pt-6 text-sm text-slate-700">
            Want to meet {active ? 'again' : 'at another time'}? <TextLink href={bookAgain}>Book a new time</TextLink>
          </p>
        )}
      </PublicCard>
    </PublicLayout>
  );
}

function StatusBadge({ booking, over }: { booking: Booking; over: boolean }) {
  if (booking.status === 'cancelled') return <Badge tone="red">Cancelled</Badge>;
  if (booking.status === 'declined') return <Badge tone="red">Declined</Badge>;
  if (over) return <Badge>Past</Badge>;
  if (booking.status === 'pending') return <Badge tone="amber">Pending</Badge>;
  return <Badge tone="green">Confirmed</Badge>;
}

interface ActionProps {
  booking: Booking;
  token: string;
  onBack: () => void;
}

function CancelForm({ booking, token, onBack, onDone }: ActionProps & { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => cancelAsInvitee(booking.uid, token, reason),
    onSuccess: (cancelled) => {
      queryClient.setQueryData(inviteeBookingKey(booking.uid), cancelled);
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-4 border-t border-slate-200 pt-6">
      <h2 className="text-lg font-semibold">Cancel this booking?</h2>
      {cancel.isError && <Alert>Could not cancel. {cancel.error.message}</Alert>}
      <TextAreaField
        label="Reason (optional)"
        hint="Shared with the host."
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" pending={cancel.isPending}>
          Cancel booking
        </Button>
        <Button variant="secondary" onClick={onBack}>
          Keep it
        </Button>
      </div>
    </form>
  );
}

function Reschedule({
  booking,
  token,
  prefs,
  onBack,
  onDone,
}: ActionProps & { prefs: ViewerPreferences; onDone: (moved: Booking) => void }) {
  const queryClient = useQueryClient();
  const user = booking.host.username;
  const type = booking.eventType.slug;
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = Date.parse(booking.start);
  const picker = usePickerView(zonedDateKey(current, prefs.timeZone));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useSlotStream(user, type);

  useEffect(() => headingRef.current?.focus(), [chosen]);

  const move = useMutation({
    mutationFn: (slot: Slot) => rescheduleAsInvitee(booking.uid, token, slot.start),
    onSuccess: (moved) => {
      queryClient.setQueryData(inviteeBookingKey(booking.uid), moved);
      onDone(moved);
    },
    onError: (error, slot) => {
      const taken = error instanceof ApiError && (error.code === 'slot_unavailable' || 'start' in error.fields);
      if (!taken) return;
      void queryClient.invalidateQueries({ queryKey: slotsKeyPrefix(user, type) });
      const start = Date.parse(slot.start);
      setNotice(
        `Sorry, ${formatTimeRange(start, Date.parse(slot.end), prefs.timeZone, prefs.hour12)} on ${formatLongDate(start, prefs.timeZone)} was just taken. Please choose another time.`,
      );
      setChosen(null);
    },
  });

  return (
    <div className="space-y-5 border-t border-slate-200 pt-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {chosen ? 'Confirm the new time' : 'Choose a new time'}
        </h2>
        <Button variant="ghost" onClick={chosen ? () => setChosen(null) : onBack}>
          {chosen ? '← Choose another time' : '← Back'}
        </Button>
      </div>
      <p className="text-sm text-slate-700">
        Currently: {formatTimeRange(current, Date.parse(booking.end), prefs.timeZone, prefs.hour12)} on{' '}
        {formatLongDate(current, prefs.timeZone)} ({timeZoneLabel(prefs.timeZone)})
      </p>
      {chosen ? (
        <div className="space-y-4">
          <p className="rounded-md bg-indigo-50 px-4 py-3 text-sm font-medium text-indigo-900">
            New time: {formatTimeRange(Date.parse(chosen.start), Date.parse(chosen.end), prefs.timeZone, prefs.hour12)}{' '}
            on {formatLongDate(Date.parse(chosen.start), prefs.timeZone)}
          </p>
          {move.isError && !(move.error instanceof ApiError && move.error.code === 'slot_unavailable') && (
            <Alert>Could not reschedule. {move.error.message}</Alert>
          )}
          <Button pending={move.isPending} onClick={() => move.mutate(chosen)}>
            Confirm new time
          </Button>
        </div>
      ) : (
        <SlotPicker
          user={user}
          type={type}
          prefs={prefs}
          onPick={(slot) => {
            setNotice(null);
            move.reset();
            setChosen(slot);
          }}
          view={picker.view}
          onViewChange={picker.onViewChange}
          notice={notice && <Alert>{notice}</Alert>}
        />
      )}
    </div>
  );
}
