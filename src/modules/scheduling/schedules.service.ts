import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import { defaultAvailability } from './availability.service.js';
import { presentedHours, storedHours } from './hours.js';
import { schedulesRepo, type ScheduleRow } from './schedules.repo.js';
import type { ScheduleInput, SchedulePatch, ScheduleView } from './schemas.js';

/** Enough for every shift pattern a person keeps; more is a script gone wrong. */
export const MAX_SCHEDULES = 20;
const DEFAULT_NAME = 'Working hours';

const scheduleNotFound = () => notFound('The schedule');
const nameTaken = () =>
  conflict('schedule_name_taken', 'You already have a schedule with this name. Choose another name.', {
    fields: { name: 'Already used.' },
  });
const tooMany = () =>
  conflict(
    'schedule_limit',
    `You can keep at most ${MAX_SCHEDULES} schedules. Delete one you no longer use to add another.`,
    { limit: MAX_SCHEDULES },
  );
const isDefault = () =>
  conflict(
    'schedule_is_default',
    'This is your default schedule. Make another schedule the default first, then delete this one.',
  );
const isLast = () =>
  conflict('last_schedule', 'Your booking pages need at least one schedule: change its hours instead of deleting it.');
const raced = () => conflict('schedule_changed', 'Your schedules changed at the same moment. Try again.');

type TypeCounts = Awaited<ReturnType<typeof schedulesRepo.typeCounts>>;

function toView(row: ScheduleRow, counts: TypeCounts): ScheduleView {
  const own = counts.get(row.id) ?? 0;
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    timeZone: row.timeZone,
    ...presentedHours(row),
    meetingTypeCount: row.isDefault ? own + (counts.get(null) ?? 0) : own,
  };
}

async function viewOf(tx: Tx, userId: string, row: ScheduleRow) {
  return toView(row, await schedulesRepo.typeCounts(tx, userId));
}

/** Named schedules: one is the default, the one the contract's availability routes and most types follow. */
export function createSchedulesService(
  db: Database,
  userTimeZone: (userId: string) => Promise<string>,
  onChanged: (hostUserId: string) => void,
) {
  const tenant = (p: Principal) => ({ orgId: p.orgId, userId: p.userId });

  /** Every change holds the host's schedule lock, and tells open booking pages that times may have moved. */
  async function write<T>(principal: Principal, fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      const result = await withTenant(db, tenant(principal), async (tx) => {
        await schedulesRepo.lockHost(tx, principal.userId);
        return fn(tx);
      });
      onChanged(principal.userId);
      return result;
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'meeting_availability_user_name_key') throw nameTaken();
      if (constraint === 'meeting_availability_default_key') throw raced();
      throw error;
    }
  }

  async function found(tx: Tx, userId: string, id: string) {
    const row = await schedulesRepo.find(tx, userId, id);
    if (!row) throw scheduleNotFound();
    return row;
  }

  return {
    /**
     * The default first. A host who never saved hours has the implicit Monday–Friday ones: listing stores them as
     * "Working hours", so that they can be renamed, edited and chosen like any other schedule.
     */
    async list(principal: Principal): Promise<ScheduleView[]> {
      const zone = await userTimeZone(principal.userId);
      return withTenant(db, tenant(principal), async (tx) => {
        let rows = await schedulesRepo.list(tx, principal.userId);
        if (rows.length === 0) {
          await schedulesRepo.lockHost(tx, principal.userId);
          rows = await schedulesRepo.list(tx, principal.userId);
        }
        if (rows.length === 0) {
          const values = { orgId: principal.orgId, userId: principal.userId, name: DEFAULT_NAME, isDefault: true };
          rows = [await schedulesRepo.insert(tx, { ...values, ...defaultAvailability(zone) })];
        }
        const counts = await schedulesRepo.typeCounts(tx, principal.userId);
        return rows.map((row) => toView(row, counts));
      });
    },

    get: (principal: Principal, id: string) =>
      withTenant(db, tenant(principal), async (tx) =>
        viewOf(tx, principal.userId, await found(tx, principal.userId, id)),
      ),

    /** The host's first schedule becomes the default. */
    create: (principal: Principal, input: ScheduleInput) =>
      write(principal, async (tx) => {
        const existing = await schedulesRepo.count(tx, principal.userId);
        if (existing >= MAX_SCHEDULES) throw tooMany();
        const row = await schedulesRepo.insert(tx, {
          orgId: principal.orgId,
          userId: principal.userId,
          name: input.name,
          isDefault: existing === 0,
          timeZone: input.timeZone,
          ...storedHours(input),
        });
        return viewOf(tx, principal.userId, row);
      }),

    /**
     * PATCH, and PUT with every field but `isDefault`. A default stays the default until another schedule takes
     * over, so `isDefault` is only ever set to true.
     */
    async update(principal: Principal, id: string, patch: SchedulePatch) {
      return write(principal, async (tx) => {
        const row = await found(tx, principal.userId, id);
        if (patch.isDefault && !row.isDefault) await schedulesRepo.makeDefault(tx, principal.userId, id);
        const hours = storedHours({ weekly: patch.weekly ?? [], overrides: patch.overrides ?? [] });
        const change = {
          ...(patch.name === undefined ? {} : { name: patch.name }),
          ...(patch.timeZone === undefined ? {} : { timeZone: patch.timeZone }),
          ...(patch.weekly === undefined ? {} : { weekly: hours.weekly }),
          ...(patch.overrides === undefined ? {} : { overrides: hours.overrides }),
        };
        if (Object.keys(change).length > 0) await schedulesRepo.update(tx, principal.userId, id, change);
        return viewOf(tx, principal.userId, await found(tx, principal.userId, id));
      });
    },

    /**
     * The default cannot go while others exist (another must take over first), nor as the host's last schedule.
     * Meeting types that used a deleted schedule follow the default from then on (the foreign key sets them null).
     */
    remove: (principal: Principal, id: string) =>
      write(principal, async (tx) => {
        const row = await found(tx, principal.userId, id);
        if (row.isDefault) throw (await schedulesRepo.count(tx, principal.userId)) > 1 ? isDefault() : isLast();
        const moved = (await schedulesRepo.typeCounts(tx, principal.userId)).get(id) ?? 0;
        await schedulesRepo.remove(tx, principal.userId, id);
        return { ok: true as const, movedMeetingTypes: moved };
      }),
  };
}
export type SchedulesService = ReturnType<typeof createSchedulesService>;
