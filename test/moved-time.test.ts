import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { bookingBody, hostWithType } from './helpers/scheduling.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A Monday years after any real date these tests run on: only the injected clock makes it "today". */
const on = (hhmm: string) => `2031-03-03T${hhmm}:00.000Z`;
const time = testClock(new Date(on('08:00')));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: time.clock });
});
afterAll(() => t.close());

describe('time as the services read it from the injected clock', () => {
  let host: Awaited<ReturnType<typeof hostWithType>>;
  let booking: { uid: string; links: { manage: string } };

  it('offers and books from the clock’s now plus the notice, and skips reminders already past', async () => {
    host = await hostWithType(t.app, { minimumNoticeMinutes: 120, reminderOffsetsMinutes: [1440, 60] });
    const slots = await new TestClient(t.app).get(
      `/api/meetings/slots?user=${host.user.username}&type=intro&from=${on('00:00')}&to=${on('23:59')}`,
    );
    expect(slots.status).toBe(200);
    expect(slots.body.slots[0].start).toBe(on('10:00'));

    const tooSoon = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, on('09:30')),
    );
    expect(tooSoon.status).toBe(422);
    const booked = await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, on('10:00')));
    expect(booked.status).toBe(201);
    booking = booked.body.booking;
    expect(booked.body.booking.reminders).toEqual([
      { offsetMinutes: 1440, scheduledFor: '2031-03-02T10:00:00.000Z', status: 'skipped' },
      { offsetMinutes: 60, scheduledFor: on('09:00'), status: 'scheduled' },
    ]);
  });

  it('takes a no-show only once the clock has reached the start', async () => {
    const noShow = () => host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, { action: 'no_show' });
    const early = await noShow();
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('meeting_not_started');

    time.advance(125 * MINUTE);
    const started = await noShow();
    expect(started.status).toBe(200);
    expect(started.body.booking.noShow).toBe(true);
  });

  it('counts the meeting as past once the clock is beyond its end', async () => {
    const token = new URL(booking.links.manage).searchParams.get('token')!;
    const cancel = () => new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/cancel`, { token });
    expect((await host.client.get('/api/meetings/bookings?status=past')).body.bookings).toEqual([]);

    time.advance(30 * MINUTE);
    const late = await cancel();
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('booking_in_past');
    const past = await host.client.get('/api/meetings/bookings?status=past');
    expect(past.body.bookings.map((b: { uid: string }) => b.uid)).toEqual([booking.uid]);
    expect((await host.client.get('/api/meetings/bookings?status=upcoming')).body.bookings).toEqual([]);
  });

  it('ends the host’s session thirty days after it began, by the clock', async () => {
    expect((await host.client.get('/api/me')).status).toBe(200);
    time.advance(30 * DAY);
    expect((await host.client.get('/api/me')).status).toBe(401);
  });
});
