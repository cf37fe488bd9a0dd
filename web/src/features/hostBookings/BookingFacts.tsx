import { useQuery } from '@tanstack/react-query';
import { Fact } from '../../ui/Fact';
import { focusRing } from '../../ui/focusRing';
import type { Booking } from '../booking/api';
import { listMeetingTypes, meetingTypesKey } from '../meetingTypes/api';
import { HostLocation } from './HostLocation';

/**
 * What the host knows of a booking: the invitee's e-mail, where, their answers and notes, a cancel reason, and
 * the host's own private note.
 */
export function BookingFacts({ booking, withNote = true }: { booking: Booking; withNote?: boolean }) {
  const types = useQuery({ queryKey: meetingTypesKey, queryFn: ({ signal }) => listMeetingTypes(signal) });
  const questions = types.data?.find((t) => t.id === booking.eventType.id)?.questions ?? [];
  const answers = Object.entries(booking.answers).filter(([, value]) => value !== '' && value !== false);

  return (
    <dl className="mt-3 space-y-1 text-sm">
      <Fact label="E-mail" className="break-all">
        <a href={`mailto:${booking.invitee.email}`} className={`rounded-sm text-indigo-700 underline ${focusRing}`}>
          {booking.invitee.email}
        </a>
      </Fact>
      {/* Grows beside its label, so a link's progress line does not push the whole value below it. */}
      <Fact label="Where" className="min-w-0 flex-[1_1_12rem] break-words">
        <HostLocation booking={booking} />
      </Fact>
      {answers.map(([id, value]) => (
        <Fact
          key={id}
          label={questions.find((q) => q.id === id)?.label ?? id}
          className="min-w-0 break-words whitespace-pre-line"
        >
          {value === true ? 'Yes' : String(value)}
        </Fact>
      ))}
      {booking.notes && (
        <Fact label="Notes" className="min-w-0 break-words whitespace-pre-line">
          {booking.notes}
        </Fact>
      )}
      {booking.cancelReason && (
        <Fact label="Reason" className="min-w-0 break-words">
          {booking.cancelReason}
        </Fact>
      )}
      {withNote && booking.hostNote && (
        <Fact label="Private note" className="min-w-0 break-words whitespace-pre-line">
          {booking.hostNote}
        </Fact>
      )}
    </dl>
  );
}
