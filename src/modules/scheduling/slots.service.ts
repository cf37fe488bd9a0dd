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
    isActive: t.isActive,
    redirectUrl: t.redirectUrl,
    redirectWithDetails: t.redirectWithDetails,
  };
}

/** The signed-in user's id, asked only when a page is off: its host may still preview it. */
export type Viewer = () => Promise<string | undefined>;

export type SlotsQuery = { user: string; type: string; from: string; to: string; timeZone?: string | undefined };

export function createSlotsService(
  db: Database,
  findHost: (username: string) => Promise<Host | undefined>,
  clock: Clock,
) {
  const pageNotFound = () => notFound('The booking page');

  async function liveType(tx: Tx, host: Host, slug: string) {
    const type = await meetingTypesRepo.findBySlug(tx, host.id, slug);
    if (!type) throw pageNotFound();
    return type;
  }

  /** A type that is off is not found, except by its own host, who previews it. */
  async function checkShown(host: Host, type: MeetingTypeRow, viewer: Viewer | undefined) {
    if (!type.isActive && (!viewer || (await viewer()) !== host.id)) throw pageNotFound();
  }

  /** The host and the meeting type behind a public booking page; secret types are reachable by link. */
  async function resolvePage(username: string, slug: string, viewer?: Viewer) {
    const host = await findHost(username);
    if (!host) throw pageNotFound();
    const type = await withTenant(db, { orgId: host.orgId }, (tx) => liveType(tx, host, slug));
    await checkShown(host, type, viewer);
    return { host, type };
  }

  return {
    resolvePage,

    /** What a public booking page shows about its host and meeting type. */
    async page(username: string, slug: string, viewer?: Viewer) {
      const { host, type } = await resolvePage(username, slug, viewer);
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

    async slots(q: SlotsQuery, viewer?: Viewer) {
      const from = new Date(q.from);
      const to = new Date(q.to);
      if (to <= from) throw invalid({ to: 'Must be after from.' });
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY)
        throw invalid({ to: `Ask for at most ${MAX_RANGE_DAYS} days at a time.` });
      const host = await findHost(q.user);
      if (!host) throw pageNotFound();
      // One transaction for the type, the hours and the bookings: this is the hottest public read.
      const { type, slots } = await withTenant(db, { orgId: host.orgId }, async (tx) => {
        const type = await liveType(tx, host, q.type);
        return { type, slots: await offeredSlots(tx, { host, type, from, to, now: clock() }) };
      });
      await checkShown(host, type, viewer);
      return { timeZone: q.timeZone ?? host.timeZone, slots };
    },
  };
}
export type SlotsService = ReturnType<typeof createSlotsService>;
