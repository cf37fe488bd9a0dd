import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

// Booking re-reads only the bookings that can decide one start (their time with their own buffers against the
// slot with its buffers, and the type's bookings that its daily limit counts): these are the cases it must see.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = utcDay(5);
const book = (username: string, type: string, hhmm: string, on = day) =>
  new TestClient(t.app).post('/api/meetings/book', bookingBody(username, at(on, hhmm), { type }));

describe('booking against the buffers and daily limits of other bookings', () => {
  it("refuses a start inside another type's buffers, and takes one that only touches them", async () => {
    const host = await hostWithType(t.app);
    const deep = await host.client.post('/api/meetings/types', {
      title: 'Deep dive',
      slug: 'deep',
      durationMinutes: 60,
      minimumNoticeMinutes: 0,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
    });
    expect(deep.status).toBe(201);
    const username = host.user.username;
    // Busy with its buffers from 09:45 to 11:30.
    expect((await book(username, 'deep', '10:00')).status).toBe(201);
    for (const inside of ['09:30', '11:00']) {
      const res = await book(username, 'intro', inside);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('slot_unavailable');
    }
    expect((await book(username, 'intro', '09:00')).status).toBe(201);
    expect((await book(username, 'intro', '11:30')).status).toBe(201);
    // Its own buffers count too: a deep dive at 13:00 needs 12:45–14:30 free, and 14:00 is taken.
    expect((await book(username, 'intro', '14:00')).status).toBe(201);
    expect((await book(username, 'deep', '13:00')).status).toBe(409);
  });

  it('refuses a start once the day has its most bookings of the type, however far apart they are', async () => {
    const host = await hostWithType(t.app, { maxBookingsPerDay: 2 });
    const username = host.user.username;
    expect((await book(username, 'intro', '09:00')).status).toBe(201);
    expect((await book(username, 'intro', '16:30')).status).toBe(201);
    const third = await book(username, 'intro', '12:00');
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('slot_unavailable');
    expect((await book(username, 'intro', '12:00', utcDay(6))).status).toBe(201);
  });
});
