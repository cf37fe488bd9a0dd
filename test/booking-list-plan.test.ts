import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../src/db/tenant.js';
import { bookingListRepo, type BookingListFilter } from '../src/modules/scheduling/booking-list.repo.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { hostWithType } from './helpers/scheduling.js';

/**
 * How much of the table a page of the host's list reads, from the plan PostgreSQL runs it with (EXPLAIN
 * ANALYZE, as the app role, row level security in force): about a page's worth of bookings, wherever the page
 * is. Rows are counted, not time.
 */
const BOOKINGS = 20_000;
const PAGE = 51;

let t: TestApp;
let tenant: { orgId: string; userId: string };
let deep: { start: string; id: string };

beforeAll(async () => {
  t = await createTestApp();
  const host = await hostWithType(t.app);
  const { rows } = await t.db.executeSql(`select org_id, host_user_id from meeting_types where id = $1`, [
    host.type.id,
  ]);
  const { org_id: orgId, host_user_id: userId } = rows[0] as { org_id: string; host_user_id: string };
  tenant = { orgId, userId };
  // Half before now and half after, every tenth cancelled: the upcoming and past lists each skip half.
  await t.db.executeSql(
    `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, status, start_at, end_at, time_zone,
       invitee_name, invitee_email, location)
     select $1, $2, $3, (case when n % 10 = 0 then 'cancelled' else 'confirmed' end)::booking_status,
       date_trunc('hour', now()) + make_interval(mins => 30 * (n - $4)),
       date_trunc('hour', now()) + make_interval(mins => 30 * (n - $4) + 15),
       'UTC', 'Invitee ' || n, 'invitee' || n || '@example.com', '{"type":"none"}'
     from generate_series(1, $5::int) as n`,
    [orgId, host.type.id, userId, BOOKINGS / 2, BOOKINGS],
  );
  // As autovacuum would after such a load; the small tables (users, types) it leaves unanalyzed, as it does.
  await t.db.executeSql('analyze meeting_bookings');
  const key = await t.db.executeSql(
    `select to_char(start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as start, id
     from meeting_bookings where host_user_id = $1 order by start_at, id offset $2 limit 1`,
    [userId, Math.floor(BOOKINGS * 0.9)],
  );
  deep = key.rows[0] as typeof deep;
});
afterAll(() => t.close());

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
};
type Filter = Omit<BookingListFilter, 'hostUserId' | 'limit'>;
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function planOf(filter: Filter) {
  const { rows } = await withTenant(t.db.db, tenant, async (tx) => {
    const query = bookingListRepo.list(tx, { hostUserId: tenant.userId, limit: PAGE, ...filter });
    const [active] = (await tx.execute(sql`select row_security_active('meeting_bookings') as on`)).rows;
    expect(active).toEqual({ on: true });
    return tx.execute(sql`explain (analyze, format json) ${query.getSQL()}`);
  });
  const [{ Plan: plan }] = Object.values(rows[0] as object)[0] as [{ Plan: PlanNode }];
  return nodesOf(plan);
}

describe(`a page of the host’s list among ${BOOKINGS} bookings`, () => {
  it.each<[string, () => Filter]>([
    ['the first page', () => ({})],
    ['a page deep in the list', () => ({ after: deep })],
    ['newest first, deep in the list', () => ({ newestFirst: true, after: deep })],
    ['the upcoming list, half the bookings past', () => ({ statuses: ['pending', 'confirmed'], endAfter: new Date() })],
    [
      'the past list, half the bookings ahead',
      () => ({ statuses: ['confirmed'], endBefore: new Date(), newestFirst: true }),
    ],
    ['a page of one type', () => ({ type: 'intro', after: deep })],
  ])('reads about a page of bookings for %s, in the order of the index', async (_, filter) => {
    const nodes = await planOf(filter());
    const bookingScans = nodes.filter((n) => n['Relation Name'] === 'meeting_bookings');
    const read = bookingScans.map((n) => (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0)) * n['Actual Loops']);
    // The page itself, its rows fetched again for the joins, and a few for the upcoming list's lower bound.
    expect(read.reduce((a, b) => a + b, 0)).toBeLessThan(3 * PAGE);
    expect(bookingScans.map((n) => n['Index Name'])).toContain('meeting_bookings_host_start_id_idx');
    expect(nodes.filter((n) => n['Node Type'] === 'Sort').every((n) => n['Actual Rows'] <= PAGE)).toBe(true);
  });
});
