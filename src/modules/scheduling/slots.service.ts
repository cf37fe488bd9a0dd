import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { encode, type Encoding } from '../../lib/encoded-body.js';
import { notFound } from '../../lib/errors.js';
import { defaultAvailability } from './availability.service.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { slotRange, type Host } from './offered-slots.js';
import type { CachedAnswer, SlotAnswerCache } from './slot-answer-cache.js';
import type { SlotInputsRepo } from './slot-inputs.repo.js';
import { LOOKAROUND_MS, slotScenario } from './slot-scenario.js';
import { computeSlots } from './slots/index.js';
import { answerLastValidAt } from './slots/answer-lifetime.js';

/**
 * Events drop a host's answers at once; this bounds what a lost one (a node cut off from the others while
 * still serving) can cost. See docs/decisions/0013-slots-answer-cache.md.
 */
const MAX_AGE_MS = 60_000;

/** A slots answer ready to send: `preview` answers (a host looking at a type that is off) are not shared. */
export type SlotsAnswer = CachedAnswer & { key: string; preview: boolean };

export type SlotsDeps = {
  inputs: SlotInputsRepo;
  cache: SlotAnswerCache;
  /** Whether a host with this e-mail state has public pages (the sign-up policy may ask for a verified one). */
  hostListed: (emailVerified: boolean) => boolean;
};

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
  deps: SlotsDeps,
) {
  const pageNotFound = () => notFound('The booking page');

  async function liveType(tx: Tx, host: Host, slug: string) {
    const type = await meetingTypesRepo.findBySlug(tx, host.id, slug);
    if (!type) throw pageNotFound();
    return type;
  }

  /** A type that is off is not found, except by its own host, who previews it. */
  async function checkShown(host: Pick<Host, 'id'>, type: { isActive: boolean }, viewer: Viewer | undefined) {
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

    /**
     * The slots answer as bytes ready to send, from the cache when it holds it. A miss reads its inputs in one
     * statement and keeps the answer until an event changes the host, the clock moves past its edge, or
     * MAX_AGE_MS passes. Only the answers of live types are shared; a host's preview of a type that is off is not.
     */
    async answer(q: SlotsQuery, viewer?: Viewer): Promise<SlotsAnswer> {
      const { from, to } = slotRange(q);
      const key = `${q.user}\n${q.type}\n${from.getTime()}\n${to.getTime()}\n${q.timeZone ?? ''}`;
      const now = clock();
      const cached = deps.cache.get(key, now.getTime());
      if (cached) return { ...cached, key, preview: false };

      const ticket = deps.cache.ticket();
      const inputs = await deps.inputs.read(q.user, q.type, from, to, LOOKAROUND_MS);
      if (!inputs || !deps.hostListed(inputs.host.verified) || !inputs.type) throw pageNotFound();
      const { host, type } = inputs;
      await checkShown(host, type, viewer);
      const hours = inputs.hours ?? defaultAvailability(host.timeZone);
      const scenario = slotScenario({ hostId: host.id, type, hours, live: inputs.live, from, to, now });
      const slots = computeSlots(scenario);
      const body = Buffer.from(JSON.stringify({ timeZone: q.timeZone ?? host.timeZone, slots }));
      const answer: CachedAnswer = {
        body,
        etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        lastValidAt: Math.min(answerLastValidAt(scenario, slots) ?? Infinity, now.getTime() + MAX_AGE_MS),
        encoded: new Map(),
      };
      if (type.isActive) deps.cache.keep(ticket, host.id, key, answer);
      return { ...answer, key, preview: !type.isActive };
    },

    /** The body in a compressed form, made once per kept answer. */
    encoded(answer: SlotsAnswer, encoding: Encoding): Buffer {
      let body = answer.encoded.get(encoding);
      if (!body) {
        body = encode(answer.body, encoding);
        answer.encoded.set(encoding, body);
        deps.cache.grew(answer.key, body.length);
      }
      return body;
    },
  };
}
export type SlotsService = ReturnType<typeof createSlotsService>;
