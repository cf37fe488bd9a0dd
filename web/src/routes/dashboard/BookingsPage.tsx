import { useCallback, useMemo, type KeyboardEvent } from 'react';
import { useSearchParams } from 'wouter';
import { BookingCard } from '../../features/hostBookings/BookingCard';
import { BookingFilters } from '../../features/hostBookings/BookingFilters';
import {
  bookingsSearch,
  listQuery,
  readBookingsUrl,
  shownWeek,
  weekQuery,
  type BookingsUrl,
} from '../../features/hostBookings/bookingsUrl';
import { tabs, type Tab } from '../../features/hostBookings/bookingTabs';
import { ShowMoreBookings } from '../../features/hostBookings/ShowMoreBookings';
import { useBookingPages } from '../../features/hostBookings/useBookingPages';
import { WeekView } from '../../features/hostBookings/WeekView';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { localeFirstDayOfWeek } from '../../lib/locale';
import { EmptyState } from '../../ui/EmptyState';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { TimesInZone } from '../../ui/TimesInZone';
import { SectionHeader } from './SectionHeader';

const views = [
  { value: 'list', label: 'List' },
  { value: 'week', label: 'Week' },
] as const;

/** The host's bookings as a list by status or as a week, searched and filtered, everything kept in the address. */
export function BookingsPage() {
  const zone = useProfileZone();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readBookingsUrl(params), [params]);
  const go = useCallback(
    (patch: Partial<BookingsUrl>, how: 'push' | 'replace') =>
      setParams((current) => bookingsSearch({ ...readBookingsUrl(current), ...patch }), {
        replace: how === 'replace',
      }),
    [setParams],
  );
  const query =
    state.view === 'week'
      ? weekQuery(state, shownWeek(state, zone, localeFirstDayOfWeek(), Date.now()), zone)
      : listQuery(state, zone);

  return (
    <>
      <SectionHeader
        title="Bookings"
        description="Meetings people booked with you."
        actions={
          <SegmentedControl
            legend="Show bookings as"
            options={views}
            value={state.view}
            onChange={(view) => go({ view }, 'push')}
          />
        }
      />
      <BookingFilters state={state} query={query} onChange={go} />
      {state.view === 'week' ? (
        <>
          <TimesInZone zone={zone} />
          <WeekView state={state} zone={zone} onWeekChange={(week) => go({ week }, 'push')} />
        </>
      ) : (
        <BookingList state={state} zone={zone} onTab={(tab) => go({ tab }, 'push')} />
      )}
    </>
  );
}

function BookingList({ state, zone, onTab }: { state: BookingsUrl; zone: string; onTab: (tab: Tab) => void }) {
  const query = listQuery(state, zone);
  const { pages, bookings: shown, paged, listRef, showMore } = useBookingPages(query);
  const current = tabs.find((t) => t.id === state.tab)!;
  const filtered = Boolean(state.q.trim() || state.type || state.from || state.to);

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === state.tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label="Bookings"
        onKeyDown={onTabKey}
        className="flex flex-wrap gap-1 border-b border-slate-200"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === state.tab}
            aria-controls="bookings-panel"
            tabIndex={t.id === state.tab ? 0 : -1}
            onClick={() => onTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${
              t.id === state.tab
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        id="bookings-panel"
        role="tabpanel"
        aria-labelledby={`tab-${state.tab}`}
        tabIndex={0}
        className="pt-4 outline-none"
      >
        {pages.isPending ? (
          <LoadingBlock label="Loading bookings…" />
        ) : pages.isError && !shown ? (
          <LoadError what="your bookings" error={pages.error} onRetry={() => pages.refetch()} />
        ) : !shown?.length ? (
          filtered ? (
            <EmptyState title="No bookings match" description="Try another search, type or dates." />
          ) : (
            <EmptyState
              title={current.id === 'all' ? 'No bookings' : `No ${current.label.toLowerCase()} bookings`}
              description={current.empty}
            />
          )
        ) : (
          <>
            <ul ref={listRef} className="space-y-3">
              {shown.map((booking) => (
                <BookingCard key={booking.uid} booking={booking} />
              ))}
            </ul>
            {paged && (
              <ShowMoreBookings
                shown={shown.length}
                hasMore={pages.hasNextPage}
                pending={pages.isFetchingNextPage}
                failed={pages.isFetchNextPageError}
                onMore={showMore}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
