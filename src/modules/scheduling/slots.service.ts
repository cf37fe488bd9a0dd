import type { Database } from '../../db/client.js';
import { withTenant } from '../../db/tenant.js';
import { invalid, notFound } from '../../lib/errors.js';
import { meetingTypesRepo } from './meeting-types.repo.js';
import { offeredSlots, type Host } from './offered-slots.js';

const MAX_RANGE_DAYS = 62;
const DAY = 86_400_000;

export type SlotsQuery = { user: string; type: string; from: string; to: string; timeZone?: string | undefined };

export function createSlotsService(
  db: Database,
  findHost: (username: string) => Promise<Host | undefined>,
  clock: () => Date = () => new Date(),
) {
  /** The host and an active meeting type behind a public booking page; secret types are reachable by link. */
  async function resolvePage(username: string, slug: string) {
    const host = await findHost(username);
    const type =
      host && (await withTenant(db, { orgId: host.orgId }, (tx) => meetingTypesRepo.findBySlug(tx, host.id, slug)));
    if (!host || !type || !type.isActive) throw notFound('The booking page');
    return { host, type };
  }

  return {
    resolvePage,

    async slots(q: SlotsQuery) {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from) throw invalid({ to: 'Must be after from.' });
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
        throw invalid({ to: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
      const { host, type } = await resolvePage(q.user, q.type);
      const slots = await withTenant(db, { orgId: host.orgId }, (tx) =>
        offeredSlots(tx, { host, type, from, to, now: clock() }),
      );
      return { timeZone: q.timeZone ?? host.timeZone, slots };
    },
  };
}
export type SlotsService = ReturnType<typeof createSlotsService>;
