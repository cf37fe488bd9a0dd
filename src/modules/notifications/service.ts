import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Principal } from '../identity/service.js';
import type { JobQueue } from '../../jobs/queue.js';
import type { Clock } from '../../lib/clock.js';
import { bookingInvite, type InviteMethod } from './ics.js';
import type { Mailer } from './mailer.js';
import { outboxRepo, type OutboxRow, type QueuedMail } from './outbox.repo.js';
import { renderAccountMail, renderBookingMail, type Audience } from './templates.js';
import type { AccountMail, Attachment, BookingMail, BookingMailEvent } from './types.js';

export const EMAIL_DISPATCH_JOB = 'email.dispatch';
const BATCH = 50;
const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 12;
const MAX_AGE_MS = 3 * 86_400_000;

/** 15 s, 30 s, 1 min … capped at one hour: an SMTP outage of several hours still ends in delivery. */
export const retryDelaySeconds = (attempts: number) => Math.min(15 * 2 ** (attempts - 1), 3600);

/**
 * Messages that a person's changes cause carry the booking's state and replace one another in a burst.
 * Reminders and the video provider's news (the link is ready, or could not be made) are the server's own, come
 * once, and must not wait out a burst window: they always go at once.
 */
const coalesces = (e: BookingMailEvent) =>
  e.kind !== 'reminder' && e.kind !== 'video_failed' && e.kind !== 'video_ready';

function inviteMethod(e: BookingMailEvent, b: BookingMail): InviteMethod | undefined {
  if (e.kind === 'cancelled' || e.kind === 'reschedule_requested') return 'CANCEL';
  if (b.status !== 'confirmed') return undefined;
  return e.kind === 'booked' || e.kind === 'confirmed' || e.kind === 'rescheduled' || e.kind === 'video_ready'
    ? 'REQUEST'
    : undefined;
}

export type NotificationsDeps = {
  db: Database;
  queue: JobQueue;
  /** Undefined without SMTP_URL: the outbox is then the mailbox, read at GET /api/dev/outbox. */
  mailer: Mailer | undefined;
  uidDomain: string;
  log: { warn(obj: object, msg: string): void };
  /** A booking's next e-mail to the same person waits this long after the last, so a burst sends once. */
  coalesceSeconds: number;
  /** Server-wide: more e-mails than this to one address within an hour are not sent. */
  maxPerRecipientPerHour: number;
  clock: Clock;
};

/** A message as the development mailbox shows it: with its bodies and attachments. */
function mailboxView(rows: OutboxRow[]) {
  return rows.map((m) => ({
    id: m.id,
    to: m.toAddress,
    subject: m.subject,
    text: m.text,
    html: m.html,
    createdAt: m.createdAt.toISOString(),
    status: m.status,
    attachments: m.attachments,
  }));
}

export function createNotifications(deps: NotificationsDeps) {
  const { db, clock } = deps;

  function bookingMails(e: BookingMailEvent, b: BookingMail, bookingId: string): QueuedMail[] {
    const method = inviteMethod(e, b);
    const attachments = (who: Audience): Attachment[] =>
      method
        ? [
            {
              filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
              contentType: `text/calendar; charset=utf-8; method=${method}`,
              contentBase64: Buffer.from(bookingInvite(b, method, deps.uidDomain, who, clock())).toString('base64'),
            },
          ]
        : [];
    const audiences: Audience[] = e.kind === 'video_failed' ? ['host'] : ['invitee', 'host'];
    return audiences.map((who) => {
      const to = who === 'invitee' ? b.invitee.email : b.host.email;
      return {
        to,
        ...renderBookingMail(e, b, who),
        attachments: attachments(who),
        coalesceKey: coalesces(e) ? `booking:${bookingId}:${to.toLowerCase()}` : undefined,
      };
    });
  }

  /**
   * Splits a claimed batch into what may be sent and what would take an address over its hourly cap, counting
   * what this batch sends too.
   */
  async function withinRecipientCap(batch: OutboxRow[]) {
    const send: OutboxRow[] = [];
    const overCap: OutboxRow[] = [];
    const budget = new Map<string, number>();
    for (const m of [...batch].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const address = m.toAddress.toLowerCase();
      const left = budget.get(address) ?? deps.maxPerRecipientPerHour - (await outboxRepo.sentInLastHour(db, address));
      budget.set(address, left - 1);
      (left > 0 ? send : overCap).push(m);
    }
    return { send, overCap };
  }

  async function dispatchDue(): Promise<number> {
    if (!deps.mailer) return 0;
    let sent = 0;
    for (;;) {
      const batch = await outboxRepo.claimDue(db, BATCH, LEASE_SECONDS);
      if (!batch.length) return sent;
      const { send, overCap } = await withinRecipientCap(batch);
      for (const m of overCap) {
        await outboxRepo.markFailed(
          db,
          m.id,
          `Not sent: ${m.toAddress} already got ${deps.maxPerRecipientPerHour} e-mails from this server in the past hour, the most it sends to one address.`,
          null,
        );
      }
      await Promise.all(
        send.map(async (m) => {
          // The outbox's own housekeeping, measured from the database's createdAt on the system clock: moving the
          // services' clock (as tests do) must not expire mail waiting to be sent.
          if (Date.now() - m.createdAt.getTime() > MAX_AGE_MS) {
            await outboxRepo.markFailed(db, m.id, 'Expired: not sent within 3 days.', null);
            return;
          }
          try {
            await deps.mailer!.send({
              messageId: `<${m.id}@${deps.uidDomain}>`,
              to: m.toAddress,
              subject: m.subject,
              text: m.text,
              html: m.html,
              attachments: m.attachments,
            });
            await outboxRepo.markSent(db, m.id);
            sent++;
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            deps.log.warn({ outboxId: m.id, attempts: m.attempts, err: message }, 'e-mail not sent; will retry');
            await outboxRepo.markFailed(
              db,
              m.id,
              message,
              m.attempts >= MAX_ATTEMPTS ? null : retryDelaySeconds(m.attempts),
            );
          }
        }),
      );
    }
  }

  return {
    /**
     * The booking's e-mails, rendered now, as outbox writes for the caller's transaction (see writeInOneStatement):
     * the rendering can then happen before the booking takes its host's lock.
     */
    bookingMailWrites: (tx: Tx, ids: { orgId: string; bookingId: string }, e: BookingMailEvent, b: BookingMail) =>
      outboxRepo.enqueueWrites(tx, ids.orgId, ids.bookingId, bookingMails(e, b, ids.bookingId), deps.coalesceSeconds),

    /**
     * Writes a message about a person's own account (reset, verification) to the outbox inside the caller's
     * transaction; `orgId` is the account's organization, whose mail log lists it.
     */
    queueAccountMail: (tx: Tx, orgId: string, to: string, mail: AccountMail) =>
      outboxRepo.enqueue(tx, orgId, null, [{ to, ...renderAccountMail(mail), attachments: [] }]),

    /** After commit: ask a worker to send now rather than at the next sweep. Losing this only delays mail. */
    kick() {
      if (deps.mailer) deps.queue.send(EMAIL_DISPATCH_JOB, {}).catch(() => {});
    },

    dispatchDue,

    registerJobs() {
      deps.queue.define(EMAIL_DISPATCH_JOB, async () => {
        await dispatchDue();
      });
      deps.queue.every(EMAIL_DISPATCH_JOB, '* * * * *');
    },

    /** Every organization's mail: only for the loopback-only development route. */
    devOutbox: async (to: string | undefined) => mailboxView(await outboxRepo.list(db, to)),

    /** The dashboard's development mailbox: the signed-in organization's mail only. */
    mailbox: async (principal: Principal, to: string | undefined) =>
      mailboxView(await withTenant(db, principal, (tx) => outboxRepo.list(tx, to))),

    /** The invitee's calendar file for a booking, issued now. */
    invite: (b: BookingMail, method: InviteMethod, uidDomain: string) =>
      bookingInvite(b, method, uidDomain, 'invitee', clock()),

    /** What the host sees of their organization's mail, including messages that gave up (dead letters). */
    async messages(principal: Principal, status: OutboxRow['status'] | undefined) {
      const rows = await withTenant(db, principal, (tx) => outboxRepo.listForTenant(tx, status));
      return rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null }));
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
