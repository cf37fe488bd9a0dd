import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { cancelAsInvitee, inviteeBookingKey, type Booking } from './api';
import { errorText } from './errorText';
import { ReasonField } from './ReasonField';

interface CancelBookingFormProps {
  booking: Booking;
  token: string;
  onBack: () => void;
  onDone: () => void;
}

/** The invitee cancels their booking, with an optional reason for the host. */
export function CancelBookingForm({ booking, token, onBack, onDone }: CancelBookingFormProps) {
  const { t } = useTranslation();
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
      <h2 className="text-lg font-semibold">{t('cancel.heading')}</h2>
      {cancel.isError && (
        <Alert>
          {t('cancel.failed')} {errorText(cancel.error, t)}
        </Alert>
      )}
      <ReasonField hint={t('cancel.reasonHint')} value={reason} onChange={setReason} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" pending={cancel.isPending}>
          {t('cancel.confirm')}
        </Button>
        <Button variant="secondary" onClick={onBack}>
          {t('cancel.keep')}
        </Button>
      </div>
    </form>
  );
}
