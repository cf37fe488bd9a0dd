import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MAX_TEXT_LENGTH } from '../../../../src/modules/scheduling/bookings.rules';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextAreaField } from '../../ui/TextAreaField';
import type { Booking } from '../booking/api';
import { hostBookingKey, hostBookingsKey, saveHostNote } from './api';

/** The host's private note on a booking, edited in place; only the host ever sees it. */
export function HostNote({ booking }: { booking: Booking }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState(booking.hostNote ?? '');
  const save = useMutation({
    mutationFn: () => saveHostNote(booking.uid, note),
    onSuccess: (saved) => {
      queryClient.setQueryData(hostBookingKey(booking.uid), saved);
      void queryClient.invalidateQueries({ queryKey: hostBookingsKey });
      setNote(saved.hostNote ?? '');
    },
  });
  const changed = note.trim() !== (booking.hostNote ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <TextAreaField
        label="Private note"
        hint="Only you see this: not the invitee, and not in e-mails, calendar invitations or webhooks."
        rows={4}
        maxLength={MAX_TEXT_LENGTH}
        value={note}
        onChange={(event) => {
          save.reset();
          setNote(event.target.value);
        }}
      />
      {save.isError && <Alert>Could not save the note. {save.error.message}</Alert>}
      {save.isSuccess && !changed && <Notice tone="success">Note saved.</Notice>}
      <Button type="submit" variant="secondary" pending={save.isPending} disabled={!changed && !save.isPending}>
        Save note
      </Button>
    </form>
  );
}
