import { useCallback, useState } from 'react';
import type { BookingFormValues } from './bookingRules';

const empty: BookingFormValues = { name: '', email: '', answers: {}, notes: '' };

// sessionStorage, not localStorage: the input survives Change time, Back and reload in this tab, and is gone
// when the tab closes, so a shared computer does not offer the last visitor's details.
function read(key: string): BookingFormValues {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
    if (!stored || typeof stored !== 'object') return empty;
    const { name, email, answers, notes } = stored as Record<string, unknown>;
    const kept: BookingFormValues['answers'] = {};
    if (answers && typeof answers === 'object') {
      for (const [id, value] of Object.entries(answers)) {
        if (typeof value === 'string' || typeof value === 'boolean') kept[id] = value;
      }
    }
    return {
      name: typeof name === 'string' ? name : '',
      email: typeof email === 'string' ? email : '',
      answers: kept,
      notes: typeof notes === 'string' ? notes : '',
    };
  } catch {
    return empty;
  }
}

function write(key: string, values: BookingFormValues | null) {
  try {
    if (values) window.sessionStorage.setItem(key, JSON.stringify(values));
    else window.sessionStorage.removeItem(key);
  } catch {
    // Without storage the input still lives as long as the page does.
  }
}

/** The booking form's input for one booking page, kept for this tab until the booking is made. */
export function useBookingDraft(user: string, type: string) {
  const key = `tuskhub.bookingDraft:${user}/${type}`;
  const [values, setValues] = useState(() => read(key));
  const update = useCallback(
    (change: (previous: BookingFormValues) => BookingFormValues) => {
      setValues((previous) => {
        const next = change(previous);
        write(key, next);
        return next;
      });
    },
    [key],
  );
  const clear = useCallback(() => {
    write(key, null);
    setValues(empty);
  }, [key]);
  return { values, update, clear };
}
