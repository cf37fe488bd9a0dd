import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from './tenant.js';

/**
 * Writes that belong together, sent as one statement (data-modifying WITH queries) instead of one round trip
 * each: a booking holds its host's lock until commit, so every round trip in it is time other bookings wait.
 * PostgreSQL runs each part to completion on one snapshot and checks foreign keys when the whole statement is
 * done, so a row may reference one written by another part; no part sees another's rows in its own reads.
 * Answers how many rows `counted` (a write with RETURNING) wrote, 0 without it.
 */
export async function writeInOneStatement(tx: Tx, writes: SQLWrapper[], counted?: SQLWrapper): Promise<number> {
  // getSQL(): a query builder put in a template as it is comes wrapped in parentheses, which WITH refuses.
  const parts = writes.map((w, i) => sql`${sql.identifier(`write_${i}`)} as (${w.getSQL()})`);
  if (counted) parts.push(sql`counted as (${counted.getSQL()})`);
  if (!parts.length) return 0;
  const tail = counted ? sql`select count(*)::int as n from counted` : sql`select 0 as n`;
  const { rows } = await tx.execute(sql`with ${sql.join(parts, sql`, `)} ${tail}`);
  return Number(rows[0]?.n ?? 0);
}
