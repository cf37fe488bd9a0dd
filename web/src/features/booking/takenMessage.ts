import type { TFunction } from 'i18next';
import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import type { Slot } from './api';

/** How a slot's time reads in a sentence: "9:00 AM – 9:30 AM on Monday, March 9, 2026". */
export function slotWhen(t: TFunction, slot: Slot, zone: string, hour12: boolean, locale: string | undefined) {
  const start = Date.parse(slot.start);
  return t('timeOnDate', {
    time: formatTimeRange(start, Date.parse(slot.end), zone, hour12, locale),
    date: formatLongDate(start, zone, locale),
  });
}

/** The reader of a slot's time: their zone, clock and the locale dates are written in. */
export interface SlotReader {
  timeZone: string;
  hour12: boolean;
  locale: string | undefined;
}

/**
 * Why a chosen time is gone: taken by someone else just now (the booking was refused), taken while the form
 * was open, or never offered to begin with (a link naming a time the page does not offer).
 */
export function takenMessage(t: TFunction, slot: Slot, reader: SlotReader, why: 'now' | 'meanwhile' | 'link') {
  const when = slotWhen(t, slot, reader.timeZone, reader.hour12, reader.locale);
  if (why === 'now') return t('taken.now', { when });
  if (why === 'link') return t('taken.link', { when });
  return t('taken.meanwhile', { when });
}
