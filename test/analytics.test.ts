import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('counts page views, slot views and bookings into a funnel per type and per day', async () => {
  const host = await hostWithType(t.app);
  const day = utcDay(9);
  const view = (event: string) =>
    new TestClient(t.app).post('/api/meetings/analytics/events', { user: host.user.username, type: 'intro', event });
  for (let i = 0; i < 4; i++) expect((await view('page_view')).status).toBe(202);
  await view('slot_view');
  await view('slot_view');
  const booked = (
    await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '10:00')))
  ).body.booking;
  await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, at(day, '11:00')));
  const token = new URL(booked.links.manage).searchParams.get('token')!;
  await new TestClient(t.app).post(`/api/meetings/bookings/${booked.uid}/cancel`, { token });

  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await host.client.get(`/api/meetings/analytics?from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    pageViews: 4,
    slotViews: 2,
    bookings: 2,
    cancellations: 1,
    reschedules: 0,
    noShows: 0,
    conversionRate: 0.5,
  });
  expect(res.body.byType).toEqual([
    { typeId: host.type.id, title: 'Intro call', pageViews: 4, bookings: 2, conversionRate: 0.5 },
  ]);
  expect(res.body.byDay).toEqual([{ date: new Date().toISOString().slice(0, 10), bookings: 2 }]);

  const other = await hostWithType(t.app);
  expect((await other.client.get(`/api/meetings/analytics?from=${from}&to=${to}`)).body.pageViews).toBe(0);
  expect((await host.client.get(`/api/meetings/analytics?from=${to}&to=${from}`)).status).toBe(422);
  expect(
    (
      await new TestClient(t.app).post('/api/meetings/analytics/events', {
        user: 'nobody-here',
        type: 'x',
        event: 'page_view',
      })
    ).body,
  ).toEqual({ recorded: false });
});
