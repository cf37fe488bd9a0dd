import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { localeFirstDayOfWeek } from '../../lib/locale';
import { addDays, civilDateOf, dateKey, formatCivilDate, localePrefersHour12 } from '../../lib/zonedTime';
import { Button } from '../../ui/Button';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { hostBookingsKey, listAllBookings } from './api';
import { shownWeek, weekQuery, type BookingsUrl } from './bookingsUrl';
import { WeekAgenda } from './WeekAgenda';
import { WeekGrid } from './WeekGrid';
import { layoutWeek } from './weekLayout';

interface WeekViewProps {
  state: BookingsUrl;
  zone: string;
  /** Shows another week: a day in it, or this week when undefined. */
  onWeekChange: (day: string | undefined) => void;
}

/** The host's bookings of one week by day and hour, in their profile zone; a list of days on a narrow screen. */
export function WeekView({ state, zone, onWeekChange }: WeekViewProps) {
  const [now] = useState(() => Date.now());
  const [hour12] = useState(localePrefersHour12);
  const [firstDay] = useState(localeFirstDayOfWeek);
  const wide = useMediaQuery('(min-width: 768px)');
  const weekStart = shownWeek(state, zone, firstDay, now);
  const query = weekQuery(state, weekStart, zone);
  const bookings = useQuery({
    queryKey: [...hostBookingsKey, 'week', query],
    // A week shows every booking in it, however many pages that takes.
    queryFn: ({ signal }) => listAllBookings(query, signal),
  });
  const days = useMemo(() => layoutWeek(bookings.data ?? [], weekStart, zone), [bookings.data, weekStart, zone]);
  const today = dateKey(civilDateOf(now, zone));
  const last = addDays(weekStart, 6);
  const range = `${formatCivilDate(weekStart, { month: 'short', day: 'numeric' })} – ${formatCivilDate(last, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  })}`;

  return (
    <section aria-labelledby="week-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="week-heading" className="text-lg font-semibold text-slate-900">
          <span className="sr-only">Week of </span>
          {range}
        </h2>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => onWeekChange(dateKey(addDays(weekStart, -7)))}>
            <span aria-hidden="true">←</span> Previous<span className="sr-only"> week</span>
          </Button>
          <Button variant="secondary" onClick={() => onWeekChange(undefined)}>
            Today
          </Button>
          <Button variant="secondary" onClick={() => onWeekChange(dateKey(addDays(weekStart, 7)))}>
            Next<span className="sr-only"> week</span> <span aria-hidden="true">→</span>
          </Button>
        </div>
      </div>
      {bookings.isPending ? (
        <LoadingBlock label="Loading the week…" />
      ) : bookings.isError ? (
        <LoadError what="this week's bookings" error={bookings.error} onRetry={() => bookings.refetch()} />
      ) : wide ? (
        <WeekGrid days={days} today={today} zone={zone} hour12={hour12} now={now} />
      ) : (
        <WeekAgenda days={days} today={today} zone={zone} hour12={hour12} now={now} />
      )}
      {bookings.isSuccess && bookings.data.length === 0 && (
        <p className="text-sm text-slate-600">No bookings this week.</p>
      )}
    </section>
  );
}
