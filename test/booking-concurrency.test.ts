import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { waitUntil } from './helpers/db.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = utcDay(4);

function tally(statuses: number[]) {
  return statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
}

describe('concurrent bookings of one slot', () => {
  it('gives exactly one 201 and 199 × 409 slot_unavailable', async () => {
    const host = await hostWithType(t.app);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        new TestClient(t.app).post(
          '/api/meetings/book',
          bookingBody(host.user.username, at(day, '10:00'), {
            invitee: { name: `Racer ${i}`, email: `r${i}@example.com` },
          }),
        ),
      ),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 409: 199 });
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'slot_unavailable')).toBe(true);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'gives exactly one 201 across two app instances on one PostgreSQL',
    async () => {
      const host = await hostWithType(t.app);
      // The same generous pool wait as every test database: 50 requests queue on a busy machine.
      const second = await createDb({ databaseUrl: t.db.url!, poolSize: 20, poolTimeoutMs: 30_000 });
      const other = await createTestApp({ db: { ...second, destroy: () => second.close() } });
      try {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            new TestClient(i % 2 ? other.app : t.app).post(
              '/api/meetings/book',
              bookingBody(host.user.username, at(day, '11:00'), {
                invitee: { name: `Racer ${i}`, email: `r${i}@example.com` },
              }),
            ),
          ),
        );
        expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 409: 49 });
      } finally {
        await other.close();
        await second.close();
      }
    },
  );

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'refuses with 404 a booking whose type was archived while it waited for the host’s lock',
    async () => {
      const host = await hostWithType(t.app);
      // Another node's session, holding the host's lock as a deletion of the type does until it commits.
      const other = new pg.Client({ connectionString: t.db.url });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select pg_advisory_xact_lock(hashtext($1))', [host.user.id]);
        const booking = new TestClient(t.app).post(
          '/api/meetings/book',
          bookingBody(host.user.username, at(day, '12:00')),
        );
        await waitUntil(async () => {
          const { rows } = await other.query(
            `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
             where d.datname = current_database() and l.locktype = 'advisory' and not l.granted`,
          );
          return rows[0].n === 1;
        });
        await other.query('update meeting_types set is_active = false, archived_at = now() where id = $1', [
          host.type.id,
        ]);
        await other.query('commit');
        const res = await booking;
        expect(res.status).toBe(404);
        const { rows } = await other.query('select count(*)::int as n from meeting_bookings where host_user_id = $1', [
          host.user.id,
        ]);
        expect(rows).toEqual([{ n: 0 }]);
      } finally {
        await other.end();
      }
    },
  );
});
