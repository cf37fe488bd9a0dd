import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Principal } from '../identity/service.js';
import { availabilityRepo } from './availability.repo.js';
import { endsBeforeStart } from './availability.rules.js';
import type { Availability } from './schemas.js';

const WORKDAYS = [1, 2, 3, 4, 5];

/** A host who never set hours is available Monday–Friday 09:00–17:00 in their own zone, as in Calendly. */
export function defaultAvailability(timeZone: string): Availability {
  return { timeZone, weekly: WORKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), overrides: [] };
}

type Interval = { start: string; end: string; endsNextDay?: boolean | undefined };

/** Stored as start and end only: the slot engine reads an end at or before the start as the next day's. */
const stored = ({ start, end }: Interval): Interval => ({ start, end });
/** Readers get the flag derived from the times, so rows saved before it existed round-trip the same way. */
const flagged = ({ start, end }: Interval): Interval =>
  endsBeforeStart({ start, end }) ? { start, end, endsNextDay: true } : { start, end };

function mapIntervals(a: Availability, f: (i: Interval) => Interval): Availability {
  return {
    timeZone: a.timeZone,
    weekly: a.weekly.map((w) => ({ weekday: w.weekday, ...f(w) })),
    overrides: a.overrides.map((o) => ({ date: o.date, intervals: o.intervals.map(f) })),
  };
}

export async function availabilityOf(tx: Tx, userId: string, userTimeZone: string): Promise<Availability> {
  return (await availabilityRepo.find(tx, userId)) ?? defaultAvailability(userTimeZone);
}

export function createAvailabilityService(
  db: Database,
  userTimeZone: (userId: string) => Promise<string>,
  onChanged: (hostUserId: string) => void,
) {
  return {
    async get(principal: Principal) {
      const zone = await userTimeZone(principal.userId);
      const availability = await withTenant(db, principal, (tx) => availabilityOf(tx, principal.userId, zone));
      return mapIntervals(availability, flagged);
    },

    async replace(principal: Principal, availability: Availability) {
      const sorted = mapIntervals(
        {
          timeZone: availability.timeZone,
          weekly: [...availability.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
          overrides: [...availability.overrides]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((o) => ({ date: o.date, intervals: [...o.intervals].sort((a, b) => a.start.localeCompare(b.start)) })),
        },
        stored,
      );
      await withTenant(db, principal, (tx) => availabilityRepo.upsert(tx, principal.orgId, principal.userId, sorted));
      onChanged(principal.userId);
      return mapIntervals(sorted, flagged);
    },
  };
}
export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
