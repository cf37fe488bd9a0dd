import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Principal } from '../identity/service.js';
import { availabilityRepo } from './availability.repo.js';
import type { Availability } from './schemas.js';

const WORKDAYS = [1, 2, 3, 4, 5];

/** A host who never set hours is available Monday–Friday 09:00–17:00 in their own zone, as in Calendly. */
export function defaultAvailability(timeZone: string): Availability {
  return { timeZone, weekly: WORKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), overrides: [] };
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
      return withTenant(db, principal, (tx) => availabilityOf(tx, principal.userId, zone));
    },

    async replace(principal: Principal, availability: Availability) {
      const sorted: Availability = {
        timeZone: availability.timeZone,
        weekly: [...availability.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
        overrides: [...availability.overrides]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((o) => ({ date: o.date, intervals: [...o.intervals].sort((a, b) => a.start.localeCompare(b.start)) })),
      };
      await withTenant(db, principal, (tx) => availabilityRepo.upsert(tx, principal.orgId, principal.userId, sorted));
      onChanged(principal.userId);
      return sorted;
    },
  };
}
export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
