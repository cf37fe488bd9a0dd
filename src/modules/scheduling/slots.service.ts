import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { invalid, notFound } from '../../lib/errors.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { offeredSlots, type Host } from './offered-slots.js';

const MAX_RANGE_DAYS = 35;
const DAY = 86_400_000;

function toPublicMeetingType(t: MeetingTypeRow) {
  return {
    title: t.title,
    slug: t.slug,
    description: t.description,
    kind: t.kind,
    durationMinutes: t.durationMinutes,
    locationType: t.location.type,
    requiresConfirmation: t.requiresConfirmation,
    bookingWindowDays: t.bookingWindowDays,
    questions: t.questions,
  };
}

export type SlotsQuery = { user: string; type: string; from: string; to: string; timeZone?: string | undefined };

export function createSlotsService(
  db: Database,
  findHost: (username: string) => Promise<Host | undefined>,
  clock: Clock,
) {
  const pageNotFound = () => notFound('The booking page');

  async function activeType(tx: Tx, host: Host, slug: string) {
    const type = await meetingTypesRepo.findBySlug(tx, host.id, slug);
    if (!type || !type.isActive) throw pageNotFound();
    return type;
  }

  /** The host and an active meeting type behind a public booking page; secret types are reachable by link. */
  async function resolvePage(username: string, slug: string) {
    const host = await findHost(username);
    if (!host) throw pageNotFound();
    const type = await withTenant(db, { orgId: host.orgId }, (tx) => activeType(tx, host, slug));
    return { host, type };
  }

  return {
    resolvePage,

    /** What a public booking page shows about its host and meeting type. */
    async page(username: string, slug: string) {
      const { host, type } = await resolvePage(username, slug);
      return {
        host: { name: host.name, username: host.username, timeZone: host.timeZone },
        meetingType: toPublicMeetingType(type),
      };
    },

    /** A host's profile page: the active meeting types that are not secret. */
    async profile(username: string) {
      const host = await findHost(username);
      if (!host) throw notFound('The page');
      const types = await withTenant(db, { orgId: host.orgId }, (tx) => meetingTypesRepo.listForHost(tx, host.id));
      return {
        host: { name: host.name, username: host.username, timeZone: host.timeZone },
        meetingTypes: types.filter((t) => t.isActive && !t.isSecret).map(toPublicMeetingType),
      };
    },

    async slots(q: SlotsQuery) {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from) throw invalid({ to: 'Must be after from.' });
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
        throw invalid({ to: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
      const host = await findHost(q.user);
      if (!host) throw pageNotFound();
      // One transaction for the type, the hours and the bookings: this is the hottest public read.
      const slots = await withTenant(db, { orgId: host.orgId }, async (tx) =>
        offeredSlots(tx, { host, type: await activeType(tx, host, q.type), from, to, now: clock() }),
      );
      return { timeZone: q.timeZone ?? host.timeZone, slots };
    },
  };
}
export type SlotsService = ReturnType<typeof createSlotsService>;
