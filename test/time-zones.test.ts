import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAvailability, meetingBookings, users } from '../src/db/schema/index.js';
import { createTestApp, newAccount, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// Luxon reads these as fixed offsets; Intl, which formats every page and e-mail, refuses them.
const notZones = ['UTC+3', 'utc-12', 'UTC+99', 'GMT+2'];
const day = utcDay(3);
const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

const slotsUrl = (username: string, timeZone: string) =>
  `/api/meetings/slots?user=${username}&type=intro&from=${day.toISOString()}&to=${at(day, '24:00')}` +
  `&timeZone=${encodeURIComponent(timeZone)}`;

const expectZoneRefused = (res: { status: number; body: any }, field: string) => {
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('validation_failed');
  expect(Object.keys(res.body.error.details.fields)).toContain(field);
};

describe('time zones that are not IANA names', () => {
  it.each(notZones)('refuse %s at signup and change nothing', async (zone) => {
    const account = newAccount({ timeZone: zone });
    expectZoneRefused(await new TestClient(t.app).post('/api/auth/signup', account), 'timeZone');
    expect(await t.db.db.select().from(users).where(eq(users.email, account.email))).toHaveLength(0);
  });

  it.each(notZones)('refuse %s in the profile and the availability, keeping the saved zone', async (zone) => {
    const host = await hostWithType(t.app);
    expectZoneRefused(await host.client.request('PATCH', '/api/me', { timeZone: zone }), 'timeZone');
    expectZoneRefused(
      await host.client.request('PUT', '/api/meetings/availability', { timeZone: zone, weekly, overrides: [] }),
      'timeZone',
    );
    expect((await host.client.get('/api/me')).body.user.timeZone).toBe('UTC');
    expect((await host.client.get('/api/meetings/availability')).body.timeZone).toBe('UTC');
    // The public page still works.
    expect((await new TestClient(t.app).get(slotsUrl(host.user.username, 'Europe/Paris'))).status).toBe(200);
  });

  it.each(notZones)('refuse %s from an anonymous visitor on slots and booking', async (zone) => {
    const host = await hostWithType(t.app);
    const visitor = new TestClient(t.app);
    expectZoneRefused(await visitor.get(slotsUrl(host.user.username, zone)), 'timeZone');
    expectZoneRefused(
      await visitor.post('/api/meetings/book', bookingBody(host.user.username, at(day, '10:00'), { timeZone: zone })),
      'timeZone',
    );
    const booked = await t.db.db.select().from(meetingBookings).where(eq(meetingBookings.hostUserId, host.user.id));
    expect(booked).toHaveLength(0);
  });
});

describe('legacy zone names', () => {
  it('are stored under their current names at signup and in the profile', async () => {
    const { client, user } = await signedUpClient(t.app, { timeZone: 'Asia/Calcutta' });
    expect(user).toMatchObject({ timeZone: 'Asia/Kolkata' });
    const [row] = await t.db.db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, user.id));
    expect(row!.timeZone).toBe('Asia/Kolkata');

    const patched = await client.request('PATCH', '/api/me', { timeZone: 'Europe/Kiev' });
    expect(patched.status).toBe(200);
    expect(patched.body.user.timeZone).toBe('Europe/Kyiv');
  });

  it('are stored under their current names in the availability and a booking', async () => {
    const host = await hostWithType(t.app);
    const saved = await host.client.request('PUT', '/api/meetings/availability', {
      timeZone: 'US/Pacific',
      weekly,
      overrides: [],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.timeZone).toBe('America/Los_Angeles');
    const [availability] = await t.db.db
      .select({ timeZone: meetingAvailability.timeZone })
      .from(meetingAvailability)
      .where(eq(meetingAvailability.userId, host.user.id));
    expect(availability!.timeZone).toBe('America/Los_Angeles');

    const visitor = new TestClient(t.app);
    const slots = await visitor.get(slotsUrl(host.user.username, 'Asia/Saigon'));
    expect(slots.status).toBe(200);
    expect(slots.body.timeZone).toBe('Asia/Ho_Chi_Minh');
    const start = slots.body.slots[0].start as string;
    const booked = await visitor.post(
      '/api/meetings/book',
      bookingBody(host.user.username, start, { timeZone: 'Asia/Katmandu' }),
    );
    expect(booked.status).toBe(201);
    const [row] = await t.db.db
      .select({ timeZone: meetingBookings.timeZone })
      .from(meetingBookings)
      .where(eq(meetingBookings.hostUserId, host.user.id));
    expect(row!.timeZone).toBe('Asia/Kathmandu');
  });

  it('still documents the API', async () => {
    const res = await new TestClient(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/meetings/availability']).toBeDefined();
  });
});
