import { createHmac } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { invalid } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import { analyticsRepo } from './repo.js';

const DAY = 86_400_000;
const rate = (bookings: number, views: number) => (views > 0 ? Math.round((bookings / views) * 10_000) / 10_000 : 0);

export type PageEvent = 'page_view' | 'slot_view';

export function createAnalytics(deps: {
  db: Database;
  appSecret: string;
  findHost: (username: string) => Promise<{ id: string; orgId: string } | undefined>;
  /** The scheduling module's lookup, run inside this module's tenant transaction. */
  meetingTypeIdBySlug: (tx: Tx, hostUserId: string, slug: string) => Promise<string | undefined>;
  /** Which day a visitor is counted on. */
  clock: Clock;
}) {
  const { db } = deps;

  /**
   * Visitors are counted by a keyed hash of address, browser and day: the same person on the same day counts
   * once per page, yet no IP address is stored and yesterday's hashes cannot be linked to today's.
   */
  const visitorHash = (ip: string, userAgent: string, at: Date) =>
    createHmac('sha256', deps.appSecret)
      .update(`${at.toISOString().slice(0, 10)}|${ip}|${userAgent}`)
      .digest('base64url')
      .slice(0, 22);

  return {
    /** Records a view from a public booking page; unknown pages are ignored quietly (nothing to count). */
    async recordPageEvent(
      input: { user: string; type: string; event: PageEvent },
      visitor: { ip: string; userAgent: string },
    ) {
      const host = await deps.findHost(input.user);
      if (!host) return false;
      return withTenant(db, { orgId: host.orgId }, async (tx) => {
        const meetingTypeId = await deps.meetingTypeIdBySlug(tx, host.id, input.type);
        if (!meetingTypeId) return false;
        await analyticsRepo.record(tx, {
          orgId: host.orgId,
          meetingTypeId,
          event: input.event,
          visitorHash: visitorHash(visitor.ip, visitor.userAgent, deps.clock()),
        });
        return true;
      });
    },

    async report(principal: Principal, q: { from: string; to: string }, timeZone: string) {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from) throw invalid({ to: 'Must be after from.' });
      if (to.getTime() - from.getTime() > 366 * DAY) throw invalid({ to: 'Ask for at most a year at a time.' });
      const [counts, byDay] = await withTenant(
        db,
        principal,
        async (tx) =>
          [
            await analyticsRepo.countsByType(tx, principal.userId, from, to),
            await analyticsRepo.bookingsByDay(tx, principal.userId, from, to, timeZone),
          ] as const,
      );
      const total = (event: string) => counts.filter((c) => c.event === event).reduce((n, c) => n + c.count, 0);
      const types = new Map<string, { typeId: string; title: string; pageViews: number; bookings: number }>();
      for (const c of counts) {
        const t = types.get(c.typeId) ?? { typeId: c.typeId, title: c.title, pageViews: 0, bookings: 0 };
        if (c.event === 'page_view') t.pageViews += c.count;
        if (c.event === 'booking_created') t.bookings += c.count;
        types.set(c.typeId, t);
      }
      const pageViews = total('page_view');
      const bookings = total('booking_created');
      return {
        pageViews,
        slotViews: total('slot_view'),
        bookings,
        cancellations: total('booking_cancelled'),
        reschedules: total('booking_rescheduled'),
        noShows: total('no_show'),
        conversionRate: rate(bookings, pageViews),
        byType: [...types.values()].map((t) => ({ ...t, conversionRate: rate(t.bookings, t.pageViews) })),
        byDay,
      };
    },
  };
}
export type Analytics = ReturnType<typeof createAnalytics>;
