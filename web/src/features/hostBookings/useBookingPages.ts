import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { hostBookingsKey, listBookings, type BookingQuery } from './api';

/**
 * The host's list a page at a time: the first page, then each next one appended by `showMore`, which takes the
 * keyboard to the first booking it brought (where reading goes on; the button is gone after the last page).
 * `listRef` goes on the list whose items are the bookings.
 */
export function useBookingPages(query: BookingQuery) {
  const pages = useInfiniteQuery({
    queryKey: [...hostBookingsKey, 'list', query],
    queryFn: ({ signal, pageParam }) => listBookings({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: '',
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const bookings = pages.data?.pages.flatMap((page) => page.bookings);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = JSON.stringify(query);
  const [focusFrom, setFocusFrom] = useState<{ listId: string; index: number }>();

  useEffect(() => {
    if (focusFrom?.listId !== listId) return;
    const link = listRef.current?.children[focusFrom.index]?.querySelector('a');
    if (!link) return;
    link.focus();
    setFocusFrom(undefined);
  }, [focusFrom, listId, bookings?.length]);

  return {
    pages,
    bookings,
    /** More than one page, now or to come: the list says how much of it shows. */
    paged: (pages.data?.pages.length ?? 0) > 1 || pages.hasNextPage,
    listRef,
    showMore() {
      setFocusFrom({ listId, index: bookings?.length ?? 0 });
      void pages.fetchNextPage();
    },
  };
}
