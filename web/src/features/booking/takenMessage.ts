import { formatLongDate, formatTimeRange } from '../../lib/zonedTime';
import type { Slot } from './api';

/**
 * Why a chosen time is gone: taken by someone else just now (the booking was refused), taken while the form
 * was open, or never offered to begin with (a link naming a time the page does not offer).
 */
export function takenMessage(slot: Slot, zone: string, hour12: boolean, when: 'now' | 'meanwhile' | 'link') {
  const start = Date.parse(slot.start);
  const time = `${formatTimeRange(start, Date.parse(slot.end), zone, hour12)} on ${formatLongDate(start, zone)}`;
  if (when === 'now') return `Sorry, ${time} was just taken by someone else. Please choose another time.`;
  if (when === 'link') return `The time in this link, ${time}, is not available. Please choose another time.`;
  return `The time you chose, ${time}, is no longer available: someone else booked it. Please choose another time.`;
}
