import type { Database } from '../../db/client.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Principal } from '../identity/service.js';
import type { JobQueue } from '../../jobs/queue.js';
import { bookingInvite, type InviteMethod } from './ics.js';
import type { Mailer } from './mailer.js';
import { outboxRepo } from './outbox.repo.js';
import { renderBookingMail, type Audience } from './templates.js';
import type { Attachment, BookingMail, BookingMailEvent, OutgoingMail } from './types.js';

export const EMAIL_DISPATCH_JOB = 'email.dispatch';
const BATCH = 50;
const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 12;
const MAX_AGE_MS = 3 * 86_400_000;

/** 15 s, 30 s, 1 min … capped at one hour: an SMTP outage of several hours still ends in delivery. */
export const retryDelaySeconds = (attempts: number) => Math.min(15 * 2 ** (attempts - 1), 3600);

function inviteMethod(e: BookingMailEvent, b: BookingMail): InviteMethod | undefined {
  if (e.kind === 'cancelled') return 'CANCEL';
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
};

export function createNotifications(deps: NotificationsDeps) {
  const { db } = deps;

  function bookingMails(e: BookingMailEvent, b: BookingMail): OutgoingMail[] {
    const method = inviteMethod(e, b);
    const attachments: Attachment[] = method
      ? [
          {
            filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            contentType: `text/calendar; charset=utf-8; method=${method}`,
            contentBase64: Buffer.from(bookingInvite(b, method, deps.uidDomain)).toString('base64'),
          },
        ]
      : [];
    const audiences: Audience[] = e.kind === 'video_failed' ? ['host'] : ['invitee', 'host'];
    return audiences.map((who) => ({
      to: who === 'invitee' ? b.invitee.email : b.host.email,
      ...renderBookingMail(e, b, who),
      attachments,
    }));
  }

  async function dispatchDue(): Promise<number> {
    if (!deps.mailer) return 0;
    let sent = 0;
    for (;;) {
      const batch = await outboxRepo.claimDue(db, BATCH, LEASE_SECONDS);
      if (!batch.length) return sent;
      await Promise.all(
        batch.map(async (m) => {
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
    /** Writes the booking's e-mails to the outbox inside the caller's transaction. */
    queueBookingMail: (tx: Tx, ids: { orgId: string; bookingId: string }, e: BookingMailEvent, b: BookingMail) =>
      outboxRepo.enqueue(tx, ids.orgId, ids.bookingId, bookingMails(e, b)),

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

    async devOutbox(to: string | undefined) {
      const rows = await outboxRepo.list(db, to);
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
    },

    invite: bookingInvite,

    /** What the host sees of their organization's mail, including messages that gave up (dead letters). */
    async messages(principal: Principal, status: 'pending' | 'sent' | 'failed' | 'dead' | undefined) {
      const rows = await withTenant(db, principal, (tx) => outboxRepo.listForTenant(tx, status));
      return rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null }));
    },
  };
}
export type Notifications = ReturnType<typeof createNotifications>;
