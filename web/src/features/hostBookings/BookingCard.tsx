import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange, localePrefersHour12 } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import type { Booking } from '../booking/api';
import { ReasonField } from '../booking/ReasonField';
import { useProfileZone } from '../identity/useProfileZone';
import { actOnBooking, hostBookingsKey, type HostAction } from './api';
import { BookingFacts } from './BookingFacts';

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

/** One booking in the host's list, with what the host can do about it (confirm, decline, cancel, no-show). */
export function BookingCard({ booking }: { booking: Booking }) {
  const queryClient = useQueryClient();
  const zone = useProfileZone();
  const [hour12] = useState(localePrefersHour12);
  const [now] = useState(() => Date.now());
  const [dialog, setDialog] = useState<HostAction | null>(null);
  const [reason, setReason] = useState('');

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
      <BookingFacts booking={booking} />
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
              <ReasonField hint="Included in the e-mail to the invitee." value={reason} onChange={setReason} />
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
