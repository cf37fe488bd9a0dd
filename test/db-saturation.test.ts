import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { waitUntil } from './helpers/db.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

// PostgreSQL only: both waits need a second session (another node's lock, connections taken by other
// requests); PGlite is one connection inside this process.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a saturated database answers 503 instead of hanging', () => {
  let t: TestApp;
  let other: pg.Client;
  beforeAll(async () => {
    t = await createTestApp({ env: { BOOKING_LOCK_TIMEOUT_MS: '300' } });
    // Another node's session on the same database.
    other = new pg.Client({ connectionString: t.db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  it('gives up waiting for a host busy with another booking: 503 busy, Retry-After, nothing booked', async () => {
    const host = await hostWithType(t.app);
    await other.query('select pg_advisory_lock(hashtext($1))', [host.user.id]);
    try {
      const res = await new TestClient(t.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(utcDay(3), '10:00')),
      );
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('busy');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const { rows } = await t.db.executeSql(
        'select count(*)::int as n from meeting_bookings where host_user_id = $1',
        [host.user.id],
      );
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await other.query('select pg_advisory_unlock(hashtext($1))', [host.user.id]);
    }
    const retried = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(utcDay(3), '10:00')),
    );
    expect(retried.status).toBe(201);
  });

  it('gives up waiting for a pooled connection when all are taken: 503 service_unavailable, Retry-After', async () => {
    const host = await hostWithType(t.app);
    const small = await createDb({ databaseUrl: t.db.url, poolSize: 2, poolTimeoutMs: 300 });
    const node = await createTestApp({ db: { ...small, destroy: () => small.close() }, runWorkers: false });
    // Both pooled connections wait on a lock this test holds, as they would behind slow queries.
    await other.query(`select pg_advisory_lock(hashtext('saturation-test'))`);
    const holders = [1, 2].map(() => small.executeSql(`select pg_advisory_xact_lock(hashtext('saturation-test'))`));
    try {
      await waitUntil(async () => {
        const { rows } = await other.query(
          `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
           where d.datname = current_database() and l.locktype = 'advisory' and not l.granted`,
        );
        return rows[0].n >= 2;
      });
      const res = await new TestClient(node.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(utcDay(4), '10:00')),
      );
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('service_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await other.query(`select pg_advisory_unlock(hashtext('saturation-test'))`);
      await Promise.all(holders);
      await node.close();
      await small.close();
    }
  });
});
