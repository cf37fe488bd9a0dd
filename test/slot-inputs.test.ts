import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';
import { at, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('reads the bookings near the range through the index, under row level security, past a host’s long history', async () => {
  const host = await hostWithType(t.app);
  // Two years of past bookings, straight into the table.
  await t.db.executeSql(
    `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, start_at, end_at, time_zone,
       invitee_name, invitee_email, location)
     select org_id, id, host_user_id, now() - interval '2 days' - n * interval '1 hour',
       now() - interval '2 days' - n * interval '1 hour' + interval '30 minutes', 'UTC', 'Past', 'past@example.com',
       '{"type":"jitsi"}'::jsonb
     from meeting_types, generate_series(1, 20000) n where id = $1`,
    [host.type.id],
  );
  await t.db.executeSql('analyze meeting_bookings');
  const day = utcDay(3);
  const scans = await t.db.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`select public_slot_inputs(${host.user.username}, 'intro', ${day.toISOString()}::timestamptz, ${at(day, '24:00')}::timestamptz, 129600000) as inputs, current_user as role`,
    );
    const counts = await tx.execute(
      sql`select seq_scan::int, idx_scan::int from pg_stat_xact_user_tables where relname = 'meeting_bookings'`,
    );
    return {
      role: rows[0]!.role,
      inputs: rows[0]!.inputs,
      ...(counts.rows[0] as { seq_scan: number; idx_scan: number }),
    };
  });
  // The unprivileged role, so the tenant policy applied; and an index scan, not a pass over 20,000 rows.
  expect(scans).toMatchObject({ role: 'tuskhub_app', seq_scan: 0 });
  expect(scans.idx_scan).toBeGreaterThan(0);
  expect(scans.inputs).toMatchObject({ host: { id: host.user.id }, type: { id: host.type.id }, busy: [] });
});
