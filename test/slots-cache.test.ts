import { randomUUID } from 'node:crypto';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

/*
 * Two nodes on one database (and one Redis when TEST_REDIS_URL is set): node A takes every change, node B
 * answers the slots from its cache. Each change must reach B's cache through the event bus; a missed one
 * would leave B answering the old slots for up to a minute, far past these waits.
 */
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ db: a.db });
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const day = utcDay(3);
const iso = (hhmm: string) => new Date(at(day, hhmm)).toISOString();
const range = (type: string) => `type=${type}&from=${day.toISOString()}&to=${at(day, '24:00')}`;

async function startsOn(node: TestApp, username: string, type = 'intro') {
  const res = await new TestClient(node.app).get(`/api/meetings/slots?user=${username}&${range(type)}`);
  expect(res.status).toBe(200);
  return (res.body.slots as { start: string }[]).map((s) => s.start);
}

/**
 * Every event published so far has reached node B: the setup's own events (hours, types) must not arrive
 * after B cached an answer. All topics share one channel, which keeps them in order, so a marker published
 * last arrives last.
 */
async function eventsSettled() {
  const topic = `marker:${randomUUID()}`;
  const arrived = new Promise<void>((resolve) => {
    const off = b.services.bus.subscribe(topic, () => {
      off();
      resolve();
    });
  });
  await a.services.bus.publish(topic, {});
  await arrived;
}

/** B answers from its cache: a change made behind the app's back (no event) does not show there. */
async function cachedOnB(username: string, type = 'intro') {
  await eventsSettled();
  const first = await startsOn(b, username, type);
  expect(await startsOn(b, username, type)).toEqual(first);
  return first;
}

const eventually = (read: () => Promise<unknown>) => expect.poll(read, { timeout: 10_000, interval: 50 });

describe('the slots cache on another node', () => {
  it('holds an answer until an event says otherwise', async () => {
    const host = await hostWithType(a.app);
    const before = await cachedOnB(host.user.username);
    expect(before).toHaveLength(16);
    // Behind the app's back: no event, so B keeps its answer while a range it never answered shows the change.
    await a.db.executeSql(`update meeting_availability set weekly = '[]' where user_id = $1`, [host.user.id]);
    expect(await startsOn(b, host.user.username)).toEqual(before);
    const other = `/api/meetings/slots?user=${host.user.username}&type=intro&from=${day.toISOString()}&to=${at(day, '23:00')}`;
    expect((await new TestClient(b.app).get(other)).body.slots).toEqual([]);
  });

  it('drops it for a booking, a cancellation and a reschedule made on another node', async () => {
    const host = await hostWithType(a.app);
    expect(await cachedOnB(host.user.username)).toContain(iso('10:00'));
    const booked = (
      await new TestClient(a.app).post('/api/meetings/book', bookingBody(host.user.username, iso('10:00')))
    ).body.booking;
    await eventually(() => startsOn(b, host.user.username)).not.toContain(iso('10:00'));

    const token = new URL(booked.links.manage).searchParams.get('token')!;
    const moved = await new TestClient(a.app).post(`/api/meetings/bookings/${booked.uid}/reschedule`, {
      token,
      start: iso('11:00'),
    });
    expect(moved.status).toBe(200);
    await eventually(async () => {
      const starts = await startsOn(b, host.user.username);
      return [starts.includes(iso('10:00')), starts.includes(iso('11:00'))];
    }).toEqual([true, false]);

    expect((await new TestClient(a.app).post(`/api/meetings/bookings/${booked.uid}/cancel`, { token })).status).toBe(
      200,
    );
    await eventually(() => startsOn(b, host.user.username)).toContain(iso('11:00'));
  });

  it('drops it when the hours, a schedule or the meeting type change on another node', async () => {
    const host = await hostWithType(a.app);
    await cachedOnB(host.user.username);
    const hours = (start: string, end: string) => ({
      timeZone: 'UTC',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end })),
      overrides: [],
    });
    expect((await host.client.request('PUT', '/api/meetings/availability', hours('13:00', '14:00'))).status).toBe(200);
    await eventually(() => startsOn(b, host.user.username)).toEqual([iso('13:00'), iso('13:30')]);

    const [schedule] = (await host.client.get('/api/meetings/schedules')).body.schedules;
    const patched = await host.client.request('PUT', `/api/meetings/schedules/${schedule.id}`, {
      name: schedule.name,
      ...hours('15:00', '16:00'),
    });
    expect(patched.status).toBe(200);
    await eventually(() => startsOn(b, host.user.username)).toEqual([iso('15:00'), iso('15:30')]);

    await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, { durationMinutes: 60 });
    await eventually(() => startsOn(b, host.user.username)).toEqual([iso('15:00')]);

    await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, { isActive: false });
    await eventually(
      async () =>
        (await new TestClient(b.app).get(`/api/meetings/slots?user=${host.user.username}&${range('intro')}`)).status,
    ).toBe(404);
  });

  it("drops it when the host's zone changes on another node", async () => {
    // Never saved hours: the default 09:00–17:00 follow the profile's zone.
    const host = await signedUpClient(a.app, { timeZone: 'UTC' });
    const type = await host.client.post('/api/meetings/types', {
      title: 'Intro',
      slug: 'intro',
      durationMinutes: 60,
      minimumNoticeMinutes: 0,
    });
    expect(type.status).toBe(201);
    // A weekday (the default hours are Monday to Friday), a few days ahead.
    const weekday = [3, 4, 5, 6, 7].map(utcDay).find((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5)!;
    const url = `/api/meetings/slots?user=${host.user.username}&type=intro&from=${weekday.toISOString()}&to=${at(weekday, '24:00')}`;
    const firstOnB = async () => (await new TestClient(b.app).get(url)).body.slots[0]?.start;
    await eventsSettled();
    expect(await firstOnB()).toBe(at(weekday, '09:00'));
    await a.db.executeSql(`update meeting_types set duration_minutes = 30 where host_user_id = $1`, [host.user.id]);
    expect((await new TestClient(b.app).get(url)).body.slots).toHaveLength(8);
    expect((await host.client.request('PATCH', '/api/me', { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    await eventually(firstOnB).toBe(at(weekday, '00:00'));
  });

  it('never lets a stale answer double-book: the booking path checks again', async () => {
    const host = await hostWithType(a.app);
    await cachedOnB(host.user.username);
    const first = await new TestClient(a.app).post('/api/meetings/book', bookingBody(host.user.username, iso('12:00')));
    expect(first.status).toBe(201);
    const second = await new TestClient(b.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, iso('12:00')),
    );
    expect(second.status).toBe(409);
  });
});

describe('a repeat reader', () => {
  it('gets 304 for a matching ETag, and the same JSON however it is encoded', async () => {
    const host = await hostWithType(a.app);
    const url = `/api/meetings/slots?user=${host.user.username}&${range('intro')}`;
    const plain = await b.app.inject({ url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await b.app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await b.app.inject({ url, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);

    const br = await b.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.payload);
    const gzip = await b.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.payload);
    expect(JSON.parse(plain.payload)).toEqual({ timeZone: 'UTC', slots: expect.any(Array) });

    // A booking changes the answer, so the old ETag no longer matches.
    await new TestClient(a.app).post('/api/meetings/book', bookingBody(host.user.username, iso('09:00')));
    await eventually(async () => (await b.app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(
      200,
    );
  });
});
