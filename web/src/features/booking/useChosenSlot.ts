import { useMemo } from 'react';
import { ApiError } from '../../lib/api';
import { civilDateOf, firstOfMonth } from '../../lib/zonedTime';
import type { Slot } from './api';
import { pageSlots, useMonthSlots } from './useSlots';

/**
 * The time the booking form is open for (`start`, from the link), watched while the form is open: the slot as
 * its month offers it, or as the link names it until the month's times arrive (a reload); and whether the
 * month is known not to offer it (taken meanwhile, or never offered).
 */
export function useChosenSlot(
  user: string,
  type: string,
  start: string | undefined,
  durationMinutes: number,
  zone: string,
) {
  const slotStart = start ? Date.parse(start) : undefined;
  const watchedMonth = firstOfMonth(civilDateOf(slotStart ?? Date.now(), zone));
  const { query: watched } = useMonthSlots(pageSlots(user, type), watchedMonth, zone, slotStart !== undefined);
  const offered = useMemo(
    () => (slotStart === undefined ? undefined : watched.data?.slots.find((s) => Date.parse(s.start) === slotStart)),
    [slotStart, watched.data],
  );
  const slot = useMemo<Slot | undefined>(() => {
    if (slotStart === undefined) return undefined;
    const end = slotStart + durationMinutes * 60_000;
    return offered ?? { start: new Date(slotStart).toISOString(), end: new Date(end).toISOString() };
  }, [slotStart, offered, durationMinutes]);
  // A 4xx for the month means the link names times the page never offers (a far year, say); a 5xx may pass.
  const refused = watched.isError && watched.error instanceof ApiError && watched.error.status < 500;
  const settled = (watched.isSuccess && !watched.isFetching) || refused;
  return { slot, notOffered: slot !== undefined && settled && !offered };
}
