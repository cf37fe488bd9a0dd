import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Principal } from '../identity/service.js';
import { presentedHours, storedHours } from './hours.js';
import { schedulesRepo } from './schedules.repo.js';
import type { Availability } from './schemas.js';

const WORKDAYS = [1, 2, 3, 4, 5];

/** A host who never set hours is available Monday–Friday 09:00–17:00 in their own zone, as in Calendly. */
export function defaultAvailability(timeZone: string): Availability {
  return { timeZone, weekly: WORKDAYS.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), overrides: [] };
}

/**
 * The hours a meeting type follows: its own schedule, or the host's default one (scheduleId null); a host who
 * never saved any has the implicit Monday–Friday hours in their zone.
 */
export async function hoursOf(tx: Tx, userId: string, scheduleId: string | null, userTimeZone: string) {
  const own = scheduleId === null ? undefined : await schedulesRepo.hours(tx, userId, scheduleId);
  return own ?? (await schedulesRepo.hours(tx, userId, null)) ?? defaultAvailability(userTimeZone);
}

/** The contract's /api/meetings/availability: the host's default schedule, in the shape it always had. */
export function createAvailabilityService(
  db: Database,
  userTimeZone: (userId: string) => Promise<string>,
  onChanged: (hostUserId: string) => void,
) {
  return {
    async get(principal: Principal): Promise<Availability> {
      const zone = await userTimeZone(principal.userId);
      const hours = await withTenant(db, principal, (tx) => hoursOf(tx, principal.userId, null, zone));
      return { timeZone: hours.timeZone, ...presentedHours(hours) };
    },

    async replace(principal: Principal, availability: Availability): Promise<Availability> {
      const sorted = { timeZone: availability.timeZone, ...storedHours(availability) };
      await withTenant(db, principal, async (tx) => {
        await schedulesRepo.lockHost(tx, principal.userId);
        await schedulesRepo.upsertDefault(tx, principal.orgId, principal.userId, sorted);
      });
      onChanged(principal.userId);
      return { timeZone: sorted.timeZone, ...presentedHours(sorted) };
    },
  };
}
export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
