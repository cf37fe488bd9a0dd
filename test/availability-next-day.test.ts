import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAvailability } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const put = (client: TestClient, body: unknown) => client.request('PUT', '/api/meetings/availability', body);
const storedRow = async (userId: string) =>
  (await t.db.db.select().from(meetingAvailability).where(eq(meetingAvailability.userId, userId)))[0];

describe('an interval that ends at or before its start', () => {
  it('is refused with 422 naming the interval unless it is marked as ending the next day, and nothing is saved', async () => {
    const host = await hostWithType(t.app);
    const before = (await host.client.get('/api/meetings/availability')).body;

    const weekly = await put(host.client, {
      timeZone: 'UTC',
      weekly: [
        { weekday: 1, start: '09:00', end: '17:00' },
        { weekday: 2, start: '09:00', end: '08:00' },
      ],
      overrides: [],
    });
    expect(weekly.status).toBe(422);
    expect(weekly.body.error.code).toBe('validation_failed');
    expect(weekly.body.error.details.fields).toEqual({
      'weekly.1.end': 'This interval ends before it starts. If it runs past midnight, mark it as ending the next day.',
    });

    const override = await put(host.client, {
      timeZone: 'UTC',
      weekly: [],
      overrides: [{ date: '2030-06-04', intervals: [{ start: '20:00', end: '00:00' }] }],
    });
    expect(override.status).toBe(422);
    expect(Object.keys(override.body.error.details.fields)).toEqual(['overrides.0.intervals.0.end']);

    expect((await host.client.get('/api/meetings/availability')).body).toEqual(before);
  });

  it('refuses the flag on an interval that ends the same day, and keeps 24:00 as midnight without it', async () => {
    const { client } = await hostWithType(t.app);
    const sameDay = await put(client, {
      timeZone: 'UTC',
      weekly: [{ weekday: 1, start: '09:00', end: '17:00', endsNextDay: true }],
      overrides: [],
    });
    expect(sameDay.status).toBe(422);
    expect(Object.keys(sameDay.body.error.details.fields)).toEqual(['weekly.0.endsNextDay']);

    const midnight = await put(client, {
      timeZone: 'UTC',
      weekly: [{ weekday: 1, start: '18:00', end: '24:00' }],
      overrides: [],
    });
    expect(midnight.status).toBe(200);
    expect(midnight.body.weekly).toEqual([{ weekday: 1, start: '18:00', end: '24:00' }]);
  });

  it('is saved when marked, round-trips with the flag, and is stored as the slot engine has always read it', async () => {
    const host = await hostWithType(t.app);
    const body = {
      timeZone: 'UTC',
      weekly: [{ weekday: 2, start: '22:00', end: '02:00', endsNextDay: true }],
      overrides: [{ date: '2030-06-04', intervals: [{ start: '20:00', end: '00:00', endsNextDay: true }] }],
    };
    const saved = await put(host.client, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(body);
    expect((await host.client.get('/api/meetings/availability')).body).toEqual(body);

    const row = await storedRow(host.user.id);
    expect(row?.weekly).toEqual([{ weekday: 2, start: '22:00', end: '02:00' }]);
    expect(row?.overrides).toEqual([{ date: '2030-06-04', intervals: [{ start: '20:00', end: '00:00' }] }]);
  });

  it('reads back hours saved before the flag existed with the flag set', async () => {
    const host = await hostWithType(t.app);
    await t.db.db
      .update(meetingAvailability)
      .set({ weekly: [{ weekday: 3, start: '23:00', end: '01:00' }] })
      .where(eq(meetingAvailability.userId, host.user.id));
    const read = await host.client.get('/api/meetings/availability');
    expect(read.body.weekly).toEqual([{ weekday: 3, start: '23:00', end: '01:00', endsNextDay: true }]);
    // What GET answers can be sent back unchanged.
    expect((await put(host.client, read.body)).status).toBe(200);
  });

  it('still offers slots across midnight', async () => {
    const host = await hostWithType(t.app);
    const saved = await put(host.client, {
      timeZone: 'UTC',
      weekly: EVERY_DAY.map((weekday) => ({ weekday, start: '22:00', end: '02:00', endsNextDay: true })),
      overrides: [],
    });
    expect(saved.status).toBe(200);
    const day = utcDay(3);
    const query = new URLSearchParams({
      user: host.user.username,
      type: 'intro',
      from: at(day, '21:00'),
      to: at(day, '27:00'),
    });
    const slots = await new TestClient(t.app).get(`/api/meetings/slots?${query.toString()}`);
    expect(slots.status).toBe(200);
    expect((slots.body.slots as { start: string }[]).map((s) => s.start)).toEqual(
      ['22:00', '22:30', '23:00', '23:30', '24:00', '24:30', '25:00', '25:30'].map((hhmm) =>
        new Date(at(day, hhmm)).toISOString(),
      ),
    );
  });
});
