import { useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { hostBookingsKey } from '../../features/hostBookings/api';
import { BookingCard } from '../../features/hostBookings/BookingCard';
import { fetchTab, tabs, type Tab } from '../../features/hostBookings/bookingTabs';
import { EmptyState } from '../../ui/EmptyState';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SectionHeader } from './SectionHeader';

export function BookingsPage() {
  const [tab, setTab] = useState<Tab>(() => {
    const wanted = new URLSearchParams(window.location.search).get('tab');
    return tabs.find((t) => t.id === wanted)?.id ?? 'upcoming';
  });
  const bookings = useQuery({ queryKey: [...hostBookingsKey, tab], queryFn: ({ signal }) => fetchTab(tab, signal) });
  const current = tabs.find((t) => t.id === tab)!;

  function onTabKey(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    setTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }

  return (
    <>
      <SectionHeader title="Bookings" description="Meetings people booked with you." />
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
            aria-selected={t.id === tab}
            aria-controls="bookings-panel"
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => setTab(t.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${
              t.id === tab
                ? 'border-indigo-600 text-indigo-700'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
            }`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="bookings-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0} className="outline-none">
        {bookings.isPending ? (
          <LoadingBlock label="Loading bookings…" />
        ) : bookings.isError ? (
          <LoadError what="your bookings" error={bookings.error} onRetry={() => bookings.refetch()} />
        ) : bookings.data.length === 0 ? (
          <EmptyState title={`No ${current.label.toLowerCase()} bookings`} description={current.empty} />
        ) : (
          <ul className="space-y-3">
            {bookings.data.map((booking) => (
              <BookingCard key={booking.uid} booking={booking} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
