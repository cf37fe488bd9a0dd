import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { OutgoingMail } from './types.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;

export const outboxRepo = {
  /** Called inside the transaction of the change that caused the mail: both commit or neither does. */
  async enqueue(tx: Tx, orgId: string, bookingId: string | null, mails: OutgoingMail[]) {
    if (!mails.length) return;
    await tx.insert(emailOutbox).values(
      mails.map((m) => ({
        orgId,
        bookingId,
        toAddress: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        attachments: m.attachments,
      })),
    );
  },

  /**
   * Claims up to `limit` due messages for `leaseSeconds`. SKIP LOCKED lets several senders claim disjoint
   * batches; a sender that dies leaves a lease that simply expires, and the message is claimed again.
   */
  async claimDue(db: Database, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    const result = await db.execute(sql`
      update email_outbox set lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
      where id in (
        select id from email_outbox
        where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
        order by created_at
        limit ${limit}
        for update skip locked
      )
      returning id`);
    const ids = result.rows.map((r) => r.id as string);
    if (!ids.length) return [];
    return db
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.id} in ${ids}`);
  },

  async markSent(db: Database, id: string) {
    await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: sql`now()`, leaseUntil: null, lastError: null })
      .where(eq(emailOutbox.id, id));
  },

  async markFailed(db: Database, id: string, error: string, retryInSeconds: number | null) {
    await db
      .update(emailOutbox)
      .set(
        retryInSeconds === null
          ? { status: 'dead', leaseUntil: null, lastError: error }
          : {
              status: 'pending',
              leaseUntil: null,
              lastError: error,
              nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds})`,
            },
      )
      .where(eq(emailOutbox.id, id));
  },

  /** The development mailbox: every message, newest first, optionally for one address. */
  list: (db: Database, to: string | undefined) =>
    db
      .select()
      .from(emailOutbox)
      .where(and(to ? sql`lower(${emailOutbox.toAddress}) = ${to.toLowerCase()}` : undefined))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(200),

  /** An organization's messages (row level security scopes them), newest first, without their bodies. */
  listForTenant: (tx: Tx, status: OutboxRow['status'] | undefined) =>
    tx
      .select({
        id: emailOutbox.id,
        to: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(status ? eq(emailOutbox.status, status) : undefined)
      .orderBy(desc(emailOutbox.createdAt))
      .limit(200),
};
