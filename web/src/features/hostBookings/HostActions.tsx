import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button, buttonClasses } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import type { Booking } from '../booking/api';
import { ReasonField } from '../booking/ReasonField';
import { actOnBooking, hostBookingKey, hostBookingsKey } from './api';
import { actionText, availableActions, isDestructive, type DialogAction } from './hostActions';

interface HostActionsProps {
  booking: Booking;
  zone: string;
  hour12: boolean;
  now: number;
}

/** The host's buttons for one booking; each change is confirmed in a dialog, a reschedule picks its time on a page. */
export function HostActions({ booking, zone, hour12, now }: HostActionsProps) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (action: DialogAction) => actOnBooking(booking.uid, { action, reason }),
    onSuccess: (changed) => {
      setDialog(null);
      setReason('');
      queryClient.setQueryData(hostBookingKey(booking.uid), changed);
      void queryClient.invalidateQueries({ queryKey: hostBookingsKey });
    },
  });
  const actions = availableActions(booking, now);
  if (!actions.length) return null;
  const start = Date.parse(booking.start);
  const text = dialog && actionText[dialog];

  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) =>
        action === 'reschedule' ? (
          <Link key={action} href={`/bookings/${booking.uid}/reschedule`} className={buttonClasses('secondary')}>
            Reschedule
          </Link>
        ) : (
          <Button
            key={action}
            variant={action === 'confirm' ? 'primary' : isDestructive(action) ? 'secondaryDanger' : 'secondary'}
            onClick={() => {
              act.reset();
              setDialog(action);
            }}
          >
            {actionText[action].button}
          </Button>
        ),
      )}
      <Dialog open={dialog !== null} title={text?.title ?? ''} onClose={() => setDialog(null)}>
        {dialog && text && (
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              act.mutate(dialog);
            }}
          >
            <p className="text-sm text-slate-700">
              {booking.invitee.name}, {formatLongDate(start, zone)} at{' '}
              {formatTimeRange(start, Date.parse(booking.end), zone, hour12)}. {text.explain}
            </p>
            {text.reason && (
              <ReasonField hint="Included in the e-mail to the invitee." value={reason} onChange={setReason} />
            )}
            {act.isError && <Alert>Could not do that. {act.error.message}</Alert>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => setDialog(null)}>
                Back
              </Button>
              <Button type="submit" variant={isDestructive(dialog) ? 'danger' : 'primary'} pending={act.isPending}>
                {text.button}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
