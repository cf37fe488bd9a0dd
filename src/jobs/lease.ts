import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/**
 * Claims up to `limit` due rows of an outbox-like table (status 'pending', next_attempt_at, lease_until,
 * attempts) for `leaseSeconds` and returns their ids. SKIP LOCKED gives concurrent senders disjoint batches;
 * a sender that dies leaves a lease that simply runs out, and the row is claimed again.
 */
export async function claimDueIds(
  db: Database,
  table: 'email_outbox' | 'webhook_deliveries',
  limit: number,
  leaseSeconds: number,
) {
  const t = sql.identifier(table);
  const result = await db.execute(sql`
    update ${t} set lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id in (
      select id from ${t}
      where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
      order by created_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  return result.rows.map((r) => r.id as string);
}
