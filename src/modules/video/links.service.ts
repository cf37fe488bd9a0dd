import type { Database } from '../../db/client.js';
import type { MeetingLocation } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Integrations } from './integrations.service.js';
import { jitsiRoomUrl } from './jitsi.js';
import { videoAdapters } from './providers/index.js';
import { dueIn, videoLinksRepo, type LinkPatch } from './repo.js';
import {
  failedWith,
  ProviderError,
  type Api,
  type MeetingSpec,
  type ProviderMeeting,
  type RemoteVideoProvider,
} from './types.js';

export const VIDEO_SYNC_JOB = 'video.sync';
const BATCH = 20;
const LEASE_SECONDS = 120;
/** About five hours of retries with the default 30 s base: long enough to ride out a provider's outage. */
const MAX_ATTEMPTS = 12;

export type LinkedBooking = { id: string; orgId: string; startAt: Date; location: MeetingLocation & { url?: string } };
export type SyncedBooking = { id: string; orgId: string };

export type VideoLinksDeps = {
  db: Database;
  queue: JobQueue;
  integrations: Integrations;
  jitsiBaseUrl: string;
  retryBaseSeconds: number;
  log: { warn(obj: object, msg: string): void };
  /** The provider's link exists (or changed): put it on the booking and tell both people. */
  onLinkReady(booking: SyncedBooking, url: string, providerLabel: string): Promise<void>;
  /** The provider gave up on us: tell the host, the booking stays. */
  onLinkFailed(booking: SyncedBooking, providerLabel: string, reason: string): Promise<void>;
};

const isRemote = (type: string): type is RemoteVideoProvider => type in videoAdapters;

export function createVideoLinks(deps: VideoLinksDeps) {
  const { db } = deps;
  const retryDelaySeconds = (attempts: number) => Math.min(deps.retryBaseSeconds * 2 ** (attempts - 1), 3600);

  async function syncOne(id: string) {
    const ctx = await videoLinksRepo.loadForSync(db, id);
    if (!ctx) return;
    const { link, booking } = ctx;
    const live = booking.status === 'pending' || booking.status === 'confirmed';
    if (!isRemote(link.provider)) {
      await videoLinksRepo.finish(db, id, { workDueAt: null, ...(live ? {} : { status: 'deleted' }) });
      return;
    }
    const adapter = videoAdapters[link.provider];
    const call = <T>(fn: (api: Api) => Promise<T>) =>
      deps.integrations.withApi(booking.hostUserId, adapter.account, fn);
    try {
      if (!live) {
        if (link.providerMeetingId)
          await removeQuietly(() => call((api) => adapter.remove(api, link.providerMeetingId!)));
        await videoLinksRepo.finish(db, id, { status: 'deleted', workDueAt: null, lastError: null, attempts: 0 });
        return;
      }
      const spec: MeetingSpec = {
        title: `${ctx.title}: ${ctx.host.name} and ${booking.inviteeName}`,
        description: `Booked with TuskHub Meetings (booking ${booking.uid}).`,
        start: booking.startAt,
        end: booking.endAt,
        hostTimeZone: ctx.host.timeZone,
        requestId: `tuskhub${booking.uid}`,
      };
      const inStep = link.syncedStartAt?.getTime() === booking.startAt.getTime() && link.url;
      if (link.providerMeetingId && inStep) {
        await videoLinksRepo.finish(db, id, { workDueAt: null, attempts: 0 });
        return;
      }
      let meeting: ProviderMeeting;
      if (!link.providerMeetingId) meeting = await call((api) => adapter.create(api, spec));
      else {
        try {
          meeting = await call((api) => adapter.update(api, link.providerMeetingId!, spec));
        } catch (error) {
          // The host deleted the meeting at the provider: make a new one rather than leave the booking without.
          if (!failedWith(error, 'gone')) throw error;
          meeting = await call((api) => adapter.create(api, spec));
        }
      }
      const url = meeting.url ?? link.url;
      if (!url) {
        // Kept with the retry in one write: the lease must not lapse between recording the meeting and retrying.
        const preparing = new ProviderError('transient', `${adapter.label} is still preparing the meeting link.`);
        await failed(id, link.attempts, booking, live, adapter.label, preparing, {
          providerMeetingId: meeting.id,
          syncedStartAt: booking.startAt,
        });
        return;
      }
      await videoLinksRepo.finish(db, id, {
        status: 'ready',
        url,
        providerMeetingId: meeting.id,
        syncedStartAt: booking.startAt,
        workDueAt: null,
        lastError: null,
        attempts: 0,
      });
      if (url !== link.url) await deps.onLinkReady(booking, url, adapter.label);
    } catch (error) {
      await failed(id, link.attempts, booking, live, adapter.label, error);
    }
  }

  async function removeQuietly(remove: () => Promise<void>) {
    try {
      await remove();
    } catch (error) {
      if (!failedWith(error, 'gone')) throw error;
    }
  }

  async function failed(
    id: string,
    attempts: number,
    booking: SyncedBooking,
    live: boolean,
    label: string,
    error: unknown,
    keep: LinkPatch = {},
  ) {
    const reason = error instanceof Error ? error.message : String(error);
    const retry = (!(error instanceof ProviderError) || error.failure === 'transient') && attempts < MAX_ATTEMPTS;
    deps.log.warn({ videoLinkId: id, attempts, err: reason, retry }, 'video link not synced');
    if (retry) {
      const delay = retryDelaySeconds(attempts);
      await videoLinksRepo.finish(db, id, {
        ...keep,
        lastError: reason,
        workDueAt: dueIn(delay),
      });
      deps.queue.send(VIDEO_SYNC_JOB, {}, { startAfter: delay }).catch(() => {});
      return;
    }
    await videoLinksRepo.finish(db, id, { ...keep, status: 'failed', lastError: reason, workDueAt: null });
    if (live) await deps.onLinkFailed(booking, label, reason);
  }

  let pass: Promise<void> | undefined;
  let again = false;
  function syncSoon() {
    if (pass) {
      again = true;
      return;
    }
    pass = (async () => {
      do {
        again = false;
        await syncDue();
      } while (again);
    })()
      .catch((error: unknown) => deps.log.warn({ err: String(error) }, 'video sync pass failed'))
      .finally(() => {
        pass = undefined;
      });
  }

  async function syncDue(): Promise<number> {
    let done = 0;
    for (;;) {
      const ids = await videoLinksRepo.claimDue(db, BATCH, LEASE_SECONDS);
      if (!ids.length) return done;
      await Promise.all(ids.map(syncOne));
      done += ids.length;
    }
  }

  return {
    /** The location a new booking stores: Jitsi's room exists the moment it is named; the others follow. */
    locationFor(location: MeetingLocation): MeetingLocation & { url?: string } {
      return location.type === 'jitsi' ? { type: 'jitsi', url: jitsiRoomUrl(deps.jitsiBaseUrl) } : location;
    },

    /**
     * The video link a new booking records in its transaction, as a write for the caller's one statement
     * (writeInOneStatement), with what the booking's views show of it; none for locations without a link.
     * `needsSync`: the provider's link is made by the job, which must then be kicked.
     */
    newLink(tx: Tx, booking: LinkedBooking) {
      const { type, url } = booking.location;
      const ids = { orgId: booking.orgId, bookingId: booking.id };
      const row =
        type === 'jitsi' && url
          ? {
              ...ids,
              provider: 'jitsi' as const,
              status: 'ready' as const,
              url,
              providerMeetingId: new URL(url).pathname.slice(1),
              syncedStartAt: booking.startAt,
            }
          : isRemote(type)
            ? {
                ...ids,
                provider: type,
                status: 'pending' as const,
                url: null,
                providerMeetingId: null,
                workDueAt: dueIn(0),
              }
            : undefined;
      if (!row) return undefined;
      return {
        write: videoLinksRepo.insert(tx, row),
        view: { provider: row.provider, status: row.status, error: null },
        needsSync: row.status === 'pending',
      };
    },

    /** After a reschedule, cancellation or decline, in the same transaction. */
    requestSync: (tx: Tx, bookingId: string) => videoLinksRepo.requestSync(tx, bookingId),

    /**
     * A cancelled booking is live again: its invitee picked the new time the host asked for. A link the job has
     * not removed yet is only moved. One it removed is made afresh: a Jitsi room needs nothing made and is ready
     * again; a provider's meeting is made anew, at a new address. Answers whether the old address is gone.
     */
    async reopen(tx: Tx, bookingId: string): Promise<boolean> {
      const link = await videoLinksRepo.findByBooking(tx, bookingId);
      if (link?.status !== 'deleted') {
        await videoLinksRepo.requestSync(tx, bookingId);
        return false;
      }
      if (!isRemote(link.provider)) {
        await videoLinksRepo.update(tx, link.id, { status: 'ready' });
        return false;
      }
      await videoLinksRepo.update(tx, link.id, {
        status: 'pending',
        url: null,
        providerMeetingId: null,
        syncedStartAt: null,
        lastError: null,
        attempts: 0,
        workDueAt: dueIn(0),
      });
      return true;
    },

    /**
     * After commit: sync now rather than at the next sweep. A worker process does it itself, one pass at a
     * time (a burst of bookings must not start a pass each); a web-only process asks the workers through the
     * queue. Losing this only delays the link to the next minute's sweep.
     */
    kick() {
      if (deps.queue.runsWorkers) syncSoon();
      else deps.queue.send(VIDEO_SYNC_JOB, {}).catch(() => {});
    },

    syncDue,

    registerJobs() {
      deps.queue.define(VIDEO_SYNC_JOB, async () => {
        await syncDue();
      });
      deps.queue.every(VIDEO_SYNC_JOB, '* * * * *');
    },
  };
}
export type VideoLinks = ReturnType<typeof createVideoLinks>;
