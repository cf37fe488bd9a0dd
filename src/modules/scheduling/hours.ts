import { endsBeforeStart } from './availability.rules.js';
import type { Availability } from './schemas.js';

type Interval = { start: string; end: string; endsNextDay?: boolean | undefined };
type Hours = Pick<Availability, 'weekly' | 'overrides'>;

/** Stored as start and end only: the slot engine reads an end at or before the start as the next day's. */
const stored = ({ start, end }: Interval): Interval => ({ start, end });
/** Readers get the flag derived from the times, so rows saved before it existed round-trip the same way. */
const flagged = ({ start, end }: Interval): Interval =>
  endsBeforeStart({ start, end }) ? { start, end, endsNextDay: true } : { start, end };

function mapIntervals(a: Hours, f: (i: Interval) => Interval): Hours {
  return {
    weekly: a.weekly.map((w) => ({ weekday: w.weekday, ...f(w) })),
    overrides: a.overrides.map((o) => ({ date: o.date, intervals: o.intervals.map(f) })),
  };
}

/** Hours as stored: sorted by day and start, without the flags the answers add. */
export function storedHours(a: Hours): Hours {
  return mapIntervals(
    {
      weekly: [...a.weekly].sort((x, y) => x.weekday - y.weekday || x.start.localeCompare(y.start)),
      overrides: [...a.overrides]
        .sort((x, y) => x.date.localeCompare(y.date))
        .map((o) => ({ date: o.date, intervals: [...o.intervals].sort((x, y) => x.start.localeCompare(y.start)) })),
    },
    stored,
  );
}

/** Hours as answered: each interval that runs past midnight says so. */
export const presentedHours = (a: Hours): Hours => mapIntervals(a, flagged);
