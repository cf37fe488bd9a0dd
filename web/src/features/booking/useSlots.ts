import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { monthRange, zonedDateKey, type CivilDate } from '../../lib/zonedTime';
import type { SlotsResponse } from '../../../../src/modules/scheduling/schemas';
import { fetchSlots, slotStreamUrl, type Slot } from './api';

const DAY = 86_400_000;
/** The server answers at most 35 days per request. */
export const MAX_RANGE_MS = 35 * DAY;
/** The longest booking window a meeting type can have, used when the page does not say its own. */
export const MAX_WINDOW_DAYS = 730;

export const slotsKeyPrefix = (user: string, type: string) => ['slots', user, type] as const;

/**
 * Where a picker's times come from: a public booking page's, or the times a host may move a booking to. `key`
 * starts the cache keys of its answers; `fetch` asks for the slots in [from, to).
 */
export interface SlotSource {
  key: readonly unknown[];
  fetch: (from: number, to: number, timeZone: string, signal?: AbortSignal) => Promise<SlotsResponse>;
}

export const pageSlots = (user: string, type: string): SlotSource => ({
  key: slotsKeyPrefix(user, type),
  fetch: (from, to, timeZone, signal) => fetchSlots({ user, type, from, to, timeZone }, signal),
});

/** The offered slots of one calendar month as the visitor sees it (month boundaries in `timeZone`). */
export function monthSlotsQuery(source: SlotSource, month: CivilDate, timeZone: string) {
  const { from, to } = monthRange(month, timeZone);
  return queryOptions({
    queryKey: [...source.key, timeZone, from, to],
    queryFn: ({ signal }) => source.fetch(from, to, timeZone, signal),
    // The event stream tells us when slots change; until then a month's answer stays good.
    staleTime: 60_000,
  });
}

export function useMonthSlots(source: SlotSource, month: CivilDate, timeZone: string, enabled = true) {
  const query = useQuery({ ...monthSlotsQuery(source, month, timeZone), enabled });
  const slots = query.data?.slots;
  const byDay = useMemo(() => {
    const days = new Map<string, Slot[]>();
    for (const slot of slots ?? []) {
      const key = zonedDateKey(Date.parse(slot.start), timeZone);
      const list = days.get(key);
      if (list) list.push(slot);
      else days.set(key, [slot]);
    }
    return days;
  }, [slots, timeZone]);
  return { query, byDay };
}

/**
 * Listens to the page's Server-Sent Events and refetches slots when another booking, a cancellation or the
 * host's new hours change them, so a slot taken elsewhere disappears without a reload. After a dropped
 * connection EventSource reconnects by itself; events missed meanwhile are covered by refetching on reopen.
 */
export function useSlotStream(user: string, type: string, enabled = true) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(slotStreamUrl(user, type));
    let dropped = false;
    const refetch = () => void queryClient.invalidateQueries({ queryKey: slotsKeyPrefix(user, type) });
    source.addEventListener('slots', refetch);
    source.addEventListener('error', () => {
      dropped = true;
    });
    source.addEventListener('open', () => {
      if (dropped) refetch();
      dropped = false;
    });
    return () => source.close();
  }, [user, type, enabled, queryClient]);
}

/** The first offered slot at or after `after`, looking no further than `until`; requests 35 days at a time. */
export async function findNextSlot(
  source: SlotSource,
  timeZone: string,
  after: number,
  until: number,
): Promise<Slot | undefined> {
  for (let from = after; from < until; from += MAX_RANGE_MS) {
    const to = Math.min(from + MAX_RANGE_MS, until);
    const { slots } = await source.fetch(from, to, timeZone);
    if (slots[0]) return slots[0];
  }
  return undefined;
}
