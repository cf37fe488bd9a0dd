import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
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
  it('gives exactly one 201 and 49 × 409 slot_unavailable', async () => {
    const host = await hostWithType(t.app);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        new TestClient(t.app).post(
          '/api/meetings/book',
          bookingBody(host.user.username, at(day, '10:00'), {
            invitee: { name: `Racer ${i}`, email: `r${i}@example.com` },
          }),
        ),
      ),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 409: 49 });
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
});
