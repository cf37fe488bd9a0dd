import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { LANGUAGE_PARAM } from '../../lib/language';
import { bookingSearch, readBookingUrl, type BookingUrl } from './bookingUrl';

/**
 * Where the visitor is on a booking page, read from its address, and `go` to move on: `push` for a step worth a
 * Back, `replace` otherwise. The page's language (`?lang=`) stays in the address through every step.
 */
export function useBookingUrl() {
  const [params, setParams] = useSearchParams();
  const url = useMemo(() => readBookingUrl(params), [params]);
  const language = params.get(LANGUAGE_PARAM);
  const go = useCallback(
    (next: BookingUrl, how: 'push' | 'replace') => {
      const search = bookingSearch(next);
      if (language) search.set(LANGUAGE_PARAM, language);
      setParams(search, { replace: how === 'replace' });
    },
    [setParams, language],
  );
  return { url, go };
}
