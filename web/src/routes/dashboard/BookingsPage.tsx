import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import type { Booking, VideoLink } from '../../features/booking/api';
import { LocationText } from '../../features/booking/BookingDetails';
import { isVideo, locationLabels } from '../../features/booking/locations';
import { actOnBooking, hostBookingsKey, listBookings, type HostAction } from '../../features/hostBookings/api';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { listMeetingTypes, meetingTypesKey } from '../../features/meetingTypes/api';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange, localePrefersHour12 } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextLink } from '../../ui/TextLink';
import { SectionHeader } from './SectionHeader';

const tabs = [
  { id: 'upcoming', label: 'Upcoming', empty: 'No upcoming meetings. Share a booking link to get some.' },
  { id: 'pending', label: 'Pending', empty: 'No requests are waiting for your confirmation.' },
  { id: 'past', label: 'Past', empty: 'No past meetings yet.' },
  { id: 'cancelled', label: 'Cancelled', empty: 'No cancelled or declined bookings.' },
] as const;
type Tab = (typeof tabs)[number]['id'];

async function fetchTab(tab: Tab, signal: AbortSignal): Promise<Booking[]> {
  if (tab !== 'cancelled') return listBookings(tab, signal);
  const [cancelled, declined] = await Promise.all([
    listBookings('cancelled', signal),
    listBookings('declined', signal),
  ]);
  return [...cancelled, ...declined].sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
}

export function BookingsPage() {
  const [tab, setTab] = useState<Tab>(() => {
    const wanted = new URLSearchParams(window.location.search).get('tab');
    return tabs.find((t) => t.id === wanted)?.id ?? 'upcoming';
  });
  const bookings = useQuery({ queryKey: [...hostBookingsKey, tab], queryFn: ({ signal }) => fetchTab(tab, signal) });
  const current = tabs.find((t) => t.id === tab)!;

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <>
      <SectionHeader title="Bookings" description="Meetings people booked with you." />
      <div
        role="tablist"
        aria-label="Bookings"
        onKeyDown={onTabKey}
        className="flex flex-wrap gap-1 border-b border-slate-200"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            aria-controls="bookings-panel"
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${
              t.id === tab
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="bookings-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0} className="outline-none">
        {bookings.isPending ? (
          <LoadingBlock label="Loading bookings…" />
        ) : bookings.isError ? (
          <LoadError what="your bookings" error={bookings.error} onRetry={() => bookings.refetch()} />
        ) : bookings.data.length === 0 ? (
          <EmptyState title={`No ${current.label.toLowerCase()} bookings`} description={current.empty} />
        ) : (
          <ul className="space-y-3">
            {bookings.data.map((booking) => (
              <BookingCard key={booking.uid} booking={booking} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function statusBadge(booking: Booking, now: number) {
  if (booking.status === 'cancelled') return <Badge tone="red">Cancelled</Badge>;
  if (booking.status === 'declined') return <Badge tone="red">Declined</Badge>;
  if (booking.status === 'pending') return <Badge tone="amber">Pending</Badge>;
  if (Date.parse(booking.end) <= now) return <Badge>Past</Badge>;
  return <Badge tone="green">Confirmed</Badge>;
}

const actionText: Record<HostAction, { title: string; button: string; reason: boolean; done: string }> = {
  confirm: { title: 'Confirm this booking?', button: 'Confirm', reason: false, done: 'confirmed' },
  decline: { title: 'Decline this request?', button: 'Decline', reason: true, done: 'declined' },
  cancel: { title: 'Cancel this booking?', button: 'Cancel booking', reason: true, done: 'cancelled' },
  no_show: { title: 'Mark as a no-show?', button: 'Mark as no-show', reason: false, done: 'marked as a no-show' },
};

/** The host's "Where": unlike the invitee, the host learns how making the meeting link is going. */
function HostLocation({ booking }: { booking: Booking }) {
  const { location, video } = booking;
  const linkMissing = isVideo(location.type) && !location.url && !location.value;
  return (
    <>
      {linkMissing ? locationLabels[location.type] : <LocationText location={location} />}
      {!location.url && video && <VideoLinkProgress video={video} />}
    </>
  );
}

function VideoLinkProgress({ video }: { video: VideoLink }) {
  const label = locationLabels[video.provider];
  if (video.status === 'pending') return <span className="block text-slate-600">Creating the {label} link…</span>;
  if (video.status !== 'failed') return null;
  return (
    <span className="block text-red-700">
      {label} link could not be created{video.error ? `: ${video.error}` : '.'}{' '}
      <TextLink href="/settings#connected-apps">Check Connected apps in Settings</TextLink>
    </span>
  );
}

function BookingCard({ booking }: { booking: Booking }) {
  const queryClient = useQueryClient();
  const zone = useProfileZone();
  const [hour12] = useState(localePrefersHour12);
  const [now] = useState(() => Date.now());
  const [dialog, setDialog] = useState<HostAction | null>(null);
  const [reason, setReason] = useState('');
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  const questions = types.data?.find((t) => t.id === booking.eventType.id)?.questions ?? [];

  const act = useMutation({
    mutationFn: ({ action, why }: { action: HostAction; why?: string }) => actOnBooking(booking.uid, action, why),
    onSuccess: () => {
      setDialog(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: hostBookingsKey });
    },
  });

  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const started = start <= now;
  const actions: HostAction[] = [];
  if (booking.status === 'pending') actions.push('confirm', 'decline');
  if (booking.status === 'confirmed' && end > now) actions.push('cancel');
  if (booking.status === 'confirmed' && started && !booking.noShow) actions.push('no_show');

  const answers = Object.entries(booking.answers).filter(([, value]) => value !== '' && value !== false);

  return (
    <li className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">
            {booking.invitee.name} · {booking.eventType.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {formatLongDate(start, zone)}, {formatTimeRange(start, end, zone, hour12)}{' '}
            <span className="text-slate-600">({timeZoneLabel(zone)})</span>
          </p>
        </div>
        <div className="flex gap-1">
          {statusBadge(booking, now)}
          {booking.noShow && <Badge tone="amber">No-show</Badge>}
        </div>
      </div>
      <dl className="mt-3 space-y-1 text-sm">
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-600">E-mail:</dt>
          <dd className="break-all">
            <a href={`mailto:${booking.invitee.email}`} className={`rounded-sm text-indigo-700 underline ${focusRing}`}>
              {booking.invitee.email}
            </a>
          </dd>
        </div>
        <div className="flex flex-wrap gap-x-2">
          <dt className="text-slate-600">Where:</dt>
          {/* Grows beside its label, so a link's progress line does not push the whole value below it. */}
          <dd className="min-w-0 flex-[1_1_12rem] break-words">
            <HostLocation booking={booking} />
          </dd>
        </div>
        {answers.map(([id, value]) => (
          <div key={id} className="flex flex-wrap gap-x-2">
            <dt className="text-slate-600">{questions.find((q) => q.id === id)?.label ?? id}:</dt>
            <dd className="min-w-0 break-words whitespace-pre-line">{value === true ? 'Yes' : String(value)}</dd>
          </div>
        ))}
        {booking.notes && (
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-slate-600">Notes:</dt>
            <dd className="min-w-0 break-words whitespace-pre-line">{booking.notes}</dd>
          </div>
        )}
        {booking.cancelReason && (
          <div className="flex flex-wrap gap-x-2">
            <dt className="text-slate-600">Reason:</dt>
            <dd className="min-w-0 break-words">{booking.cancelReason}</dd>
          </div>
        )}
      </dl>
      {actions.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-2">
          {actions.map((action) => (
            <Button
              key={action}
              variant={
                action === 'confirm'
                  ? 'primary'
                  : action === 'decline' || action === 'cancel'
                    ? 'secondaryDanger'
                    : 'secondary'
              }
              onClick={() => {
                act.reset();
                setDialog(action);
              }}
            >
              {actionText[action].button}
            </Button>
          ))}
        </div>
      )}
      <Dialog open={dialog !== null} title={dialog ? actionText[dialog].title : ''} onClose={() => setDialog(null)}>
        {dialog && (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              act.mutate({ action: dialog, ...(reason.trim() ? { why: reason } : {}) });
            }}
          >
            <p className="text-sm text-slate-700">
              {booking.invitee.name}, {formatLongDate(start, zone)} at {formatTimeRange(start, end, zone, hour12)}.
              {dialog !== 'no_show' && ' The invitee gets an e-mail.'}
            </p>
            {actionText[dialog].reason && (
              <TextAreaField
                label="Reason (optional)"
                hint="Included in the e-mail to the invitee."
                maxLength={1000}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            )}
            {act.isError && <Alert>Could not do that. {act.error.message}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => setDialog(null)}>
                Back
              </Button>
              <Button
                type="submit"
                variant={dialog === 'decline' || dialog === 'cancel' ? 'danger' : 'primary'}
                pending={act.isPending}
              >
                {actionText[dialog].button}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </li>
  );
}
