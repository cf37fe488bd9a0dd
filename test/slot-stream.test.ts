import { createDb } from '../src/db/client.js';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { slotTopic } from '../src/modules/scheduling/slot-events.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';
import { nextEvent } from './helpers/sse.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

it('tells a subscribed page when a slot is booked and when it is freed', async () => {
  const host = await hostWithType(t.app);
  const day = utcDay(5);
  const controller = new AbortController();
  const stream = await fetch(`${base}/api/meetings/slots/stream?user=${host.user.username}&type=intro`, {
    signal: controller.signal,
  });
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const [forBooking, forCancel] = stream.body!.tee();

  const booked = nextEvent(forBooking, (e, d: any) => e === 'slots' && d.reason === 'booked');
  const freed = nextEvent(forCancel, (e, d: any) => e === 'slots' && d.reason === 'freed');
  const res = await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '10:00')));
  expect((await booked).data).toEqual({ reason: 'booked', start: res.body.booking.start, end: res.body.booking.end });

  await host.client.request('PATCH', `/api/meetings/bookings/${res.body.booking.uid}`, { action: 'cancel' });
  expect((await freed).data).toMatchObject({ reason: 'freed', start: res.body.booking.start });
  controller.abort();
});

it('gives every open page of a host the booking’s event through one subscription, and other hosts’ pages none', async () => {
  const [host, other] = [await hostWithType(t.app), await hostWithType(t.app)];
  const subscribe = vi.spyOn(t.services.bus, 'subscribe');
  const controller = new AbortController();
  const open = (username: string) =>
    fetch(`${base}/api/meetings/slots/stream?user=${username}&type=intro`, { signal: controller.signal });
  try {
    const pages = await Promise.all(Array.from({ length: 5 }, () => open(host.user.username)));
    const otherPage = await open(other.user.username);
    expect(subscribe.mock.calls.map(([topic]) => topic)).toEqual([slotTopic(host.user.id), slotTopic(other.user.id)]);

    const events = pages.map((page) => nextEvent(page.body!, (e) => e === 'slots'));
    const otherEvent = nextEvent(otherPage.body!, (e) => e === 'slots');
    const res = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(utcDay(5), '12:00')),
    );
    for (const event of await Promise.all(events))
      expect(event.data).toMatchObject({ reason: 'booked', start: res.body.booking.start });
    await new TestClient(t.app).post('/api/meetings/book', bookingBody(other.user.username, at(utcDay(5), '13:00')));
    // The other host's page hears its own booking first: the first host's never reached it.
    expect((await otherEvent).data).toMatchObject({ start: at(utcDay(5), '13:00') });
  } finally {
    controller.abort();
    subscribe.mockRestore();
  }
});

it('answers 404 for a page that does not exist', async () => {
  const res = await fetch(`${base}/api/meetings/slots/stream?user=nobody-here&type=intro`);
  expect(res.status).toBe(404);
  expect(((await res.json()) as any).error.code).toBe('not_found');
});

it.skipIf(!process.env.TEST_DATABASE_URL)('reaches a page connected to another node', async () => {
  const host = await hostWithType(t.app);
  const second = await createDb({ databaseUrl: t.db.url!, poolSize: 5 });
  const other = await createTestApp({ db: { ...second, destroy: () => second.close() }, runWorkers: false });
  try {
    const otherBase = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const stream = await fetch(`${otherBase}/api/meetings/slots/stream?user=${host.user.username}&type=intro`, {
      signal: controller.signal,
    });
    const booked = nextEvent(stream.body!, (e, d: any) => e === 'slots' && d.reason === 'booked');
    const res = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(utcDay(5), '11:00')),
    );
    expect((await booked).data).toMatchObject({ start: res.body.booking.start });
    controller.abort();
  } finally {
    await other.close();
    await second.close();
  }
});
