import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  meetingBookings,
  meetingCalendarIntegrations as integrations,
  meetingTypes,
  meetingVideoLinks as links,
  users,
} from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { OAuthProvider } from '../../server/config.js';

export type VideoLinkRow = typeof links.$inferSelect;
export type LinkPatch = Partial<
  Pick<VideoLinkRow, 'status' | 'url' | 'providerMeetingId' | 'lastError' | 'syncedStartAt' | 'attempts'>
> & { workDueAt?: SQL | null };

/**
 * When a link's sync is next due: a time on the database's clock, since claimDue compares it with the
 * database's now(). The services' clock, which tests move, must not decide when queued work runs.
 */
export const dueIn = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

/** What a host may see of a connected account: never its credentials. */
const integrationSummary = {
  provider: integrations.provider,
  status: integrations.status,
  accountEmail: integrations.accountEmail,
  lastError: integrations.lastError,
  createdAt: integrations.createdAt,
};

export const integrationsRepo = {
  listForUser: (tx: Tx, userId: string) =>
    tx.select(integrationSummary).from(integrations).where(eq(integrations.userId, userId)),

  async isActive(tx: Tx, userId: string, provider: OAuthProvider) {
    const [row] = await tx
      .select({ id: integrations.id })
      .from(integrations)
      .where(
        and(eq(integrations.userId, userId), eq(integrations.provider, provider), eq(integrations.status, 'active')),
      );
    return Boolean(row);
  },

  /** Connecting again replaces the account's credentials and clears a need to reconnect. */
  upsert: (
    tx: Tx,
    row: {
      orgId: string;
      userId: string;
      provider: OAuthProvider;
      accountEmail: string | null;
      credentialsSealed: string;
    },
  ) =>
    tx
      .insert(integrations)
      .values({ ...row, status: 'active' })
      .onConflictDoUpdate({
        target: [integrations.userId, integrations.provider],
        set: {
          accountEmail: row.accountEmail,
          credentialsSealed: row.credentialsSealed,
          status: 'active',
          lastError: null,
        },
      }),

  async remove(tx: Tx, userId: string, provider: OAuthProvider) {
    const rows = await tx
      .delete(integrations)
      .where(and(eq(integrations.userId, userId), eq(integrations.provider, provider)))
      .returning({ id: integrations.id });
    return rows.length > 0;
  },

  /** System work (the sync job): the account with its sealed credentials. */
  async findWithCredentials(db: Database, userId: string, provider: OAuthProvider) {
    const [row] = await db
      .select({ id: integrations.id, status: integrations.status, credentialsSealed: integrations.credentialsSealed })
      .from(integrations)
      .where(and(eq(integrations.userId, userId), eq(integrations.provider, provider)));
    return row;
  },

  /** Compare-and-swap, so two workers refreshing at once cannot overwrite a rotated refresh token. */
  async swapCredentials(db: Database, id: string, expected: string, next: string) {
    const rows = await db
      .update(integrations)
      .set({ credentialsSealed: next, lastError: null })
      .where(and(eq(integrations.id, id), eq(integrations.credentialsSealed, expected)))
      .returning({ id: integrations.id });
    return rows.length > 0;
  },

  markNeedsReauth: (db: Database, id: string, error: string) =>
    db.update(integrations).set({ status: 'needs_reauth', lastError: error }).where(eq(integrations.id, id)),
};

export const videoLinksRepo = {
  insert: (
    tx: Tx,
    row: Pick<VideoLinkRow, 'orgId' | 'bookingId' | 'provider' | 'status' | 'url' | 'providerMeetingId'> & LinkPatch,
  ) => tx.insert(links).values(row),

  /** After a reschedule or cancellation: the job brings the provider's meeting in step with the booking. */
  requestSync: (tx: Tx, bookingId: string) =>
    tx
      .update(links)
      .set({ workDueAt: dueIn(0), attempts: 0 })
      .where(and(eq(links.bookingId, bookingId), ne(links.status, 'deleted'))),

  async findByBooking(tx: Tx, bookingId: string) {
    const [row] = await tx
      .select({ id: links.id, provider: links.provider, status: links.status })
      .from(links)
      .where(eq(links.bookingId, bookingId));
    return row;
  },

  update: (tx: Tx, id: string, patch: LinkPatch) => tx.update(links).set(patch).where(eq(links.id, id)),

  /** Leases due links to this worker; SKIP LOCKED keeps two workers off the same link. */
  async claimDue(db: Database, limit: number, leaseSeconds: number) {
    const result = await db.execute(sql`
      update meeting_video_links set lease_until = now() + make_interval(secs => ${leaseSeconds}),
        attempts = attempts + 1
      where id in (
        select id from meeting_video_links
        where work_due_at <= now() and (lease_until is null or lease_until < now())
        order by work_due_at
        limit ${limit}
        for update skip locked
      )
      returning id`);
    return result.rows.map((r) => r.id as string);
  },

  /** System work: the link with what its provider meeting should say. */
  async loadForSync(db: Database, id: string) {
    const [row] = await db
      .select({
        link: links,
        booking: {
          id: meetingBookings.id,
          uid: meetingBookings.uid,
          orgId: meetingBookings.orgId,
          hostUserId: meetingBookings.hostUserId,
          status: meetingBookings.status,
          startAt: meetingBookings.startAt,
          endAt: meetingBookings.endAt,
          inviteeName: meetingBookings.inviteeName,
        },
        title: meetingTypes.title,
        host: { name: users.name, timeZone: users.timeZone },
      })
      .from(links)
      .innerJoin(meetingBookings, eq(meetingBookings.id, links.bookingId))
      .innerJoin(meetingTypes, eq(meetingTypes.id, meetingBookings.meetingTypeId))
      .innerJoin(users, eq(users.id, meetingBookings.hostUserId))
      .where(eq(links.id, id));
    return row;
  },

  /** Records the outcome of a sync attempt and gives up the lease. */
  finish: (db: Database, id: string, patch: LinkPatch) =>
    db
      .update(links)
      .set({ ...patch, leaseUntil: null })
      .where(eq(links.id, id)),
};
