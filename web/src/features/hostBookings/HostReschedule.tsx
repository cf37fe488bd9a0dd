import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { timeZoneLabel } from '../../lib/timeZones';
import { formatLongDate, formatTimeRange, localePrefersHour12, zonedDateKey } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import type { Booking } from '../booking/api';
import { ReasonField } from '../booking/ReasonField';
import { SlotPicker, usePickerView } from '../booking/SlotPicker';
import { useNewTime } from '../booking/useNewTime';
import type { ViewerPreferences } from '../booking/useViewerPreferences';
import { listMeetingTypes, meetingTypesKey } from '../meetingTypes/api';
import { actOnBooking, hostBookingKey, hostBookingsKey, rescheduleSlots } from './api';

interface HostRescheduleProps {
  booking: Booking;
  /** The host's profile zone, which the picker starts in. */
  zone: string;
  onDone: (moved: Booking) => void;
}

/**
 * The host picks a new time for a booking on the booking page's picker, from the times the type offers (minimum
 * notice aside), and confirms it with an optional reason for the invitee's e-mail.
 */
export function HostReschedule({ booking, zone, onDone }: HostRescheduleProps) {
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(zone);
  const [hour12, setHour12] = useState(localePrefersHour12);
  const prefs: ViewerPreferences = { timeZone, hour12, setTimeZone, setHour12 };
  const source = useMemo(() => rescheduleSlots(booking.uid), [booking.uid]);
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  const windowDays = types.data?.find((t) => t.id === booking.eventType.id)?.bookingWindowDays;
  const current = Date.parse(booking.start);
  const picker = usePickerView(zonedDateKey(current, timeZone));
  const [reason, setReason] = useState('');
  const { chosen, pick, unpick, notice, move } = useNewTime(
    source,
    prefs,
    (slot) => actOnBooking(booking.uid, { action: 'reschedule', start: slot.start, reason }),
    (moved) => {
      queryClient.setQueryData(hostBookingKey(booking.uid), moved);
      void queryClient.invalidateQueries({ queryKey: hostBookingsKey });
      onDone(moved);
    },
  );

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        Currently: {formatTimeRange(current, Date.parse(booking.end), timeZone, hour12)} on{' '}
        {formatLongDate(current, timeZone)} ({timeZoneLabel(timeZone)})
      </p>
      {chosen ? (
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            move.mutate(chosen);
          }}
        >
          <p className="rounded-md bg-indigo-50 px-4 py-3 text-sm font-medium text-indigo-900">
            New time: {formatTimeRange(Date.parse(chosen.start), Date.parse(chosen.end), timeZone, hour12)} on{' '}
            {formatLongDate(Date.parse(chosen.start), timeZone)}
          </p>
          <ReasonField
            hint={`Included in the e-mail that tells ${booking.invitee.name} the new time.`}
            value={reason}
            onChange={setReason}
          />
          {move.isError && <Alert>Could not reschedule. {move.error.message}</Alert>}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={move.isPending}>
              Confirm new time
            </Button>
            <Button variant="secondary" onClick={unpick}>
              Choose another time
            </Button>
          </div>
        </form>
      ) : (
        <SlotPicker
          source={source}
          prefs={prefs}
          onPick={pick}
          view={picker.view}
          onViewChange={picker.onViewChange}
          bookingWindowDays={windowDays}
          notice={notice && <Alert>{notice}</Alert>}
        />
      )}
    </div>
  );
}
