import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useDateLocale } from '../../lib/pageLanguage';
import { timeZoneLabel } from '../../lib/timeZones';
import { zonedDateKey } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { inviteeBookingKey, rescheduleAsInvitee, type Booking } from './api';
import { errorText } from './errorText';
import { SlotPicker, usePickerView } from './SlotPicker';
import { slotWhen } from './takenMessage';
import { useNewTime } from './useNewTime';
import { pageSlots, useSlotStream } from './useSlots';
import type { ViewerPreferences } from './useViewerPreferences';

interface RescheduleBookingProps {
  booking: Booking;
  token: string;
  prefs: ViewerPreferences;
  onBack: () => void;
  onDone: (moved: Booking) => void;
}

/**
 * The invitee picks a new time for their booking and confirms it; a time taken meanwhile is said so. A booking
 * whose host asked for a new time comes back this way.
 */
export function RescheduleBooking({ booking, token, prefs, onBack, onDone }: RescheduleBookingProps) {
  const { t } = useTranslation();
  const locale = useDateLocale();
  const queryClient = useQueryClient();
  const user = booking.host.username;
  const type = booking.eventType.slug;
  const source = useMemo(() => pageSlots(user, type), [user, type]);
  const { chosen, pick, unpick, notice, move } = useNewTime(
    source,
    prefs,
    (slot) => rescheduleAsInvitee(booking.uid, token, slot.start),
    (moved) => {
      queryClient.setQueryData(inviteeBookingKey(booking.uid), moved);
      onDone(moved);
    },
  );
  const current = slotWhen(t, booking, prefs.timeZone, prefs.hour12, locale);
  const picker = usePickerView(zonedDateKey(Date.parse(booking.start), prefs.timeZone));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useSlotStream(user, type);

  useEffect(() => headingRef.current?.focus(), [chosen]);

  return (
    <div className="space-y-5 border-t border-slate-200 pt-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
          {chosen ? t('reschedule.confirmHeading') : t('reschedule.chooseHeading')}
        </h2>
        <Button variant="ghost" onClick={chosen ? unpick : onBack}>
          {chosen ? t('reschedule.chooseAnother') : t('reschedule.back')}
        </Button>
      </div>
      <p className="text-sm text-slate-700">
        {t(booking.rescheduleRequestedAt ? 'reschedule.was' : 'reschedule.current', {
          when: current,
          zone: timeZoneLabel(prefs.timeZone),
        })}
      </p>
      {chosen ? (
        <div className="space-y-4">
          <p className="rounded-md bg-indigo-50 px-4 py-3 text-sm font-medium text-indigo-900">
            {t('reschedule.newTime', { when: slotWhen(t, chosen, prefs.timeZone, prefs.hour12, locale) })}
          </p>
          {move.isError && !(move.error instanceof ApiError && move.error.code === 'slot_unavailable') && (
            <Alert>
              {t('reschedule.failed')} {errorText(move.error, t)}
            </Alert>
          )}
          <Button pending={move.isPending} onClick={() => move.mutate(chosen)}>
            {t('reschedule.confirm')}
          </Button>
        </div>
      ) : (
        <SlotPicker
          source={source}
          prefs={prefs}
          onPick={pick}
          view={picker.view}
          onViewChange={picker.onViewChange}
          notice={notice && <Alert>{notice}</Alert>}
        />
      )}
    </div>
  );
}
