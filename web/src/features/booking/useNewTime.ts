import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useDateLocale } from '../../lib/pageLanguage';
import type { Booking, Slot } from './api';
import { takenMessage } from './takenMessage';
import type { SlotSource } from './useSlots';

/**
 * Choosing a booking's new time, for the invitee and the host alike: the slot picked, and the move that sends
 * it. A time taken or no longer offered meanwhile clears the choice and says so, and the picker asks again.
 */
export function useNewTime(
  source: SlotSource,
  reader: { timeZone: string; hour12: boolean },
  send: (slot: Slot) => Promise<Booking>,
  onMoved: (moved: Booking) => void,
) {
  const { t } = useTranslation();
  const locale = useDateLocale();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: send,
    onSuccess: onMoved,
    onError: (error, slot) => {
      const gone = error instanceof ApiError && (error.code === 'slot_unavailable' || 'start' in error.fields);
      if (!gone) return;
      void queryClient.invalidateQueries({ queryKey: source.key });
      setNotice(takenMessage(t, slot, { ...reader, locale }, 'now'));
      setChosen(null);
    },
  });
  function pick(slot: Slot) {
    setNotice(null);
    move.reset();
    setChosen(slot);
  }
  return { chosen, pick, unpick: () => setChosen(null), notice, move };
}
