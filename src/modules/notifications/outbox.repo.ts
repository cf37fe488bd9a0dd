import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { claimDueIds } from '../../jobs/lease.js';
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

  /** Claims a batch of due messages under a lease (see claimDueIds). */
  async claimDue(db: Database, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    const ids = await claimDueIds(db, 'email_outbox', limit, leaseSeconds);
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
