import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { writeInOneStatement } from '../../db/one-statement.js';
import { claimDueIds } from '../../jobs/lease.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';
import type { OutgoingMail } from './types.js';

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** A message about one booking to one person may replace the not yet sent one before it (see enqueue). */
export type QueuedMail = OutgoingMail & { coalesceKey?: string | undefined };

export const outboxRepo = {
  /**
   * The writes that put `mails` in the outbox, for the transaction of the change that caused them: both commit
   * or neither does. Addresses are stored lower-cased so the per-recipient cap counts one mailbox however it is
   * spelled. A message with a coalescing key replaces one with the same key that is still held back, and is
   * itself held until `coalesceSeconds` after the last one with that key went out (or is going out now), so a
   * burst of changes sends the first at once and then only the latest state. Run together in one statement
   * (writeInOneStatement), the insert's hold does not see the replacement: it never counts held-back messages.
   */
  enqueueWrites(tx: Tx, orgId: string, bookingId: string | null, mails: QueuedMail[], coalesceSeconds = 0) {
    if (!mails.length) return [];
    const keys = mails.flatMap((m) => (m.coalesceKey ? [m.coalesceKey] : []));
    const supersede = tx
      .update(emailOutbox)
      .set({ status: 'superseded' })
      .where(
        and(
          inArray(emailOutbox.coalesceKey, keys),
          eq(emailOutbox.status, 'pending'),
          eq(emailOutbox.attempts, 0),
          sql`${emailOutbox.nextAttemptAt} > now()`,
        ),
      );
    const insert = tx.insert(emailOutbox).values(
      mails.map((m) => ({
        orgId,
        bookingId,
        toAddress: m.to.toLowerCase(),
        subject: m.subject,
        text: m.text,
        html: m.html,
        attachments: m.attachments,
        coalesceKey: m.coalesceKey ?? null,
        ...(m.coalesceKey ? { nextAttemptAt: heldUntil(m.coalesceKey, coalesceSeconds) } : {}),
      })),
    );
    return keys.length ? [supersede, insert] : [insert];
  },

  /** The same, written at once in one round trip. */
  async enqueue(tx: Tx, orgId: string, bookingId: string | null, mails: QueuedMail[], coalesceSeconds = 0) {
    await writeInOneStatement(tx, outboxRepo.enqueueWrites(tx, orgId, bookingId, mails, coalesceSeconds));
  },

  /** How many messages went to this (lower-cased) address in the past hour, from any organization. */
  async sentInLastHour(db: Database, address: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, address),
          eq(emailOutbox.status, 'sent'),
          sql`${emailOutbox.sentAt} > now() - interval '1 hour'`,
        ),
      );
    return row?.n ?? 0;
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

  /**
   * The development mailbox: every message a server would send, newest first, optionally for one address. In a
   * tenant transaction row level security narrows it to that organization's mail.
   */
  list: (q: Database | Tx, to: string | undefined) =>
    q
      .select()
      .from(emailOutbox)
      .where(
        and(
          ne(emailOutbox.status, 'superseded'),
          to ? sql`lower(${emailOutbox.toAddress}) = ${to.toLowerCase()}` : undefined,
        ),
      )
      .orderBy(desc(emailOutbox.createdAt))
      .limit(200),

  /**
   * An organization's messages (row level security scopes them), newest first, without their bodies. Replaced
   * ones were never sent, so they show only when asked for.
   */
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
      .where(status ? eq(emailOutbox.status, status) : ne(emailOutbox.status, 'superseded'))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(200),
};

/**
 * When a message with this key may go: now, unless one with the key was sent within the window or is due or
 * being sent right now, in which case the window after that. Held-back messages do not count: enqueue is just
 * replacing them.
 */
function heldUntil(key: string, coalesceSeconds: number) {
  return sql`greatest(now(), (
    select max(case when status = 'sent' then sent_at else now() end)
    from ${emailOutbox}
    where coalesce_key = ${key}
      and (status = 'sent' or (status = 'pending' and (attempts > 0 or next_attempt_at <= now())))
  ) + make_interval(secs => ${coalesceSeconds}))`;
}
