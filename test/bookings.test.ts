import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingBookings } from '../src/db/schema/index.js';
import { bookingsRepo } from '../src/modules/scheduling/bookings.repo.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = utcDay(3);
const slotsOf = async (username: string, type = 'intro') => {
  const res = await new TestClient(t.app).get(
    `/api/meetings/slots?user=${username}&type=${type}&from=${day.toISOString()}&to=${at(day, '24:00')}&timeZone=Asia/Tokyo`,
  );
  expect(res.status).toBe(200);
  return (res.body.slots as { start: string }[]).map((s) => s.start);
};
const iso = (hhmm: string) => new Date(at(day, hhmm)).toISOString();

describe('slots', () => {
  it('offers the host’s hours on the duration grid, whatever the viewer’s zone', async () => {
    const host = await hostWithType(t.app);
    const starts = await slotsOf(host.user.username);
    expect(starts).toHaveLength(16);
    expect(starts[0]).toBe(iso('09:00'));
    expect(starts.at(-1)).toBe(iso('16:30'));
  });

  it('answers 404 for an unknown page or inactive type and 422 for a bad range', async () => {
    const host = await hostWithType(t.app);
    const client = new TestClient(t.app);
    expect(
      (
        await client.get(
          `/api/meetings/slots?user=nobody-here&type=intro&from=${day.toISOString()}&to=${at(day, '24:00')}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await client.get(
          `/api/meetings/slots?user=${host.user.username}&type=intro&from=${at(day, '24:00')}&to=${day.toISOString()}`,
        )
      ).status,
    ).toBe(422);
    expect(
      (
        await client.get(
          `/api/meetings/slots?user=${host.user.username}&type=intro&from=yesterday&to=${day.toISOString()}`,
        )
      ).status,
    ).toBe(422);
    await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, { isActive: false });
    expect(
      (
        await client.get(
          `/api/meetings/slots?user=${host.user.username}&type=intro&from=${day.toISOString()}&to=${at(day, '24:00')}`,
        )
      ).status,
    ).toBe(404);
  });

  it('reflects an availability change at once', async () => {
    const host = await hostWithType(t.app);
    await host.client.request('PUT', '/api/meetings/availability', {
      timeZone: 'UTC',
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: '11:00' })),
      overrides: [],
    });
    expect(await slotsOf(host.user.username)).toEqual([iso('10:00'), iso('10:30')]);
  });
});

describe('booking', () => {
  it('books an offered slot, which then disappears, and a second booking of it conflicts', async () => {
    const host = await hostWithType(t.app, {
      questions: [{ id: 'topic', label: 'Topic', type: 'text', required: true }],
    });
    const body = bookingBody(host.user.username, iso('10:00'), { answers: { topic: 'Pricing' }, notes: 'See you' });
    const res = await new TestClient(t.app).post('/api/meetings/book', body);
    expect(res.status).toBe(201);
    const b = res.body.booking;
    expect(b).toMatchObject({
      status: 'confirmed',
      start: iso('10:00'),
      end: iso('10:30'),
      timeZone: 'America/New_York',
      eventType: { id: host.type.id, title: 'Intro call', slug: 'intro' },
      host: { username: host.user.username },
      invitee: { name: 'Ivy Invitee', email: 'ivy@example.com' },
      answers: { topic: 'Pricing' },
      location: { type: 'jitsi', url: expect.stringMatching(/^https:\/\/meet\.jit\.si\/TuskHub-[A-Za-z0-9]{20}$/) },
    });
    expect(b.uid).toMatch(/^[0-9a-f]{30}$/);
    expect(b.links.manage).toMatch(new RegExp(`/booking/${b.uid}\\?token=[\\w-]{43}$`));
    expect(b.reminders.map((r: { offsetMinutes: number }) => r.offsetMinutes)).toEqual([1440, 60]);

    expect(await slotsOf(host.user.username)).not.toContain(iso('10:00'));
    const again = await new TestClient(t.app).post('/api/meetings/book', {
      ...body,
      invitee: { name: 'Other', email: 'o@example.com' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slot_unavailable');
  });

  it('refuses a start that is not offered with 422 and missing answers with 422', async () => {
    const host = await hostWithType(t.app, {
      questions: [{ id: 'topic', label: 'Topic', type: 'text', required: true }],
    });
    const client = new TestClient(t.app);
    const offGrid = await client.post(
      '/api/meetings/book',
      bookingBody(host.user.username, iso('10:10'), { answers: { topic: 'x' } }),
    );
    expect(offGrid.status).toBe(422);
    expect(offGrid.body.error.details.fields).toHaveProperty('start');
    expect(
      (
        await client.post(
          '/api/meetings/book',
          bookingBody(host.user.username, iso('20:00'), { answers: { topic: 'x' } }),
        )
      ).status,
    ).toBe(422);
    const noAnswer = await client.post('/api/meetings/book', bookingBody(host.user.username, iso('10:00')));
    expect(noAnswer.status).toBe(422);
    expect(noAnswer.body.error.details.fields).toHaveProperty(['answers.topic']);
    expect((await client.post('/api/meetings/book', bookingBody('nobody-here', iso('10:00')))).status).toBe(404);
  });

  it('makes retries with the same Idempotency-Key return the same booking', async () => {
    const host = await hostWithType(t.app, {
      questions: [{ id: 'topic', label: 'Topic', type: 'text', required: true }],
    });
    const body = bookingBody(host.user.username, iso('11:00'), {
      answers: { topic: 'Roadmap' },
      notes: 'Bring the plan',
      hourCycle: 'h12',
      locale: 'de',
    });
    const key = { 'idempotency-key': 'retry-me-1' };
    const first = await new TestClient(t.app).post('/api/meetings/book', body, key);
    const retry = await new TestClient(t.app).post(
      '/api/meetings/book',
      { ...body, invitee: { ...body.invitee } },
      key,
    );
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    // The first answer is made from the booking as written, the replay from the booking as stored: one view.
    expect(retry.body.booking).toEqual(first.body.booking);
    const rows = await t.db.db
      .select({ id: meetingBookings.id })
      .from(meetingBookings)
      .where(eq(meetingBookings.hostUserId, host.user.id));
    expect(rows).toHaveLength(1);
    const misuse = await new TestClient(t.app).post('/api/meetings/book', { ...body, start: iso('12:00') }, key);
    expect(misuse.status).toBe(409);
    expect(misuse.body.error.code).toBe('idempotency_key_reused');
  });

  it('holds the slot while pending; the host confirms or declines', async () => {
    const host = await hostWithType(t.app, { requiresConfirmation: true });
    const pending = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, iso('13:00')),
    );
    expect(pending.body.booking.status).toBe('pending');
    expect(await slotsOf(host.user.username)).not.toContain(iso('13:00'));
    expect(
      (await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('13:00')))).status,
    ).toBe(409);

    const list = await host.client.get('/api/meetings/bookings?status=pending');
    expect(list.body.bookings.map((b: { uid: string }) => b.uid)).toEqual([pending.body.booking.uid]);
    const confirmed = await host.client.request('PATCH', `/api/meetings/bookings/${pending.body.booking.uid}`, {
      action: 'confirm',
    });
    expect(confirmed.body.booking.status).toBe('confirmed');
    expect(
      (await host.client.request('PATCH', `/api/meetings/bookings/${pending.body.booking.uid}`, { action: 'confirm' }))
        .status,
    ).toBe(409);

    const other = await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('14:00')));
    const declined = await host.client.request('PATCH', `/api/meetings/bookings/${other.body.booking.uid}`, {
      action: 'decline',
      reason: 'Away',
    });
    expect(declined.body.booking.status).toBe('declined');
    expect(await slotsOf(host.user.username)).toContain(iso('14:00'));
  });
});

describe('invitee cancel and reschedule', () => {
  it('cancel with the token frees the slot; a wrong token finds nothing', async () => {
    const host = await hostWithType(t.app);
    const booked = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('15:00')))
    ).body.booking;
    const token = new URL(booked.links.manage).searchParams.get('token')!;
    const invitee = new TestClient(t.app);

    expect((await invitee.get(`/api/meetings/bookings/${booked.uid}?token=wrong`)).status).toBe(404);
    // A stale session cookie in the invitee's browser must not hide their booking.
    const seen = await invitee.request('GET', `/api/meetings/bookings/${booked.uid}?token=${token}`, undefined, {
      cookie: 'tuskhub_session=stale.value',
    });
    expect(seen.status).toBe(200);
    expect(seen.body.booking.links).toBeUndefined();
    expect((await invitee.post(`/api/meetings/bookings/${booked.uid}/cancel`, { token: 'x'.repeat(43) })).status).toBe(
      404,
    );

    const cancelled = await invitee.post(`/api/meetings/bookings/${booked.uid}/cancel`, {
      token,
      reason: 'Conflict came up',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelReason: 'Conflict came up' });
    expect(cancelled.body.booking.reminders.every((r: { status: string }) => r.status === 'cancelled')).toBe(true);
    expect(await slotsOf(host.user.username)).toContain(iso('15:00'));
    expect((await invitee.post(`/api/meetings/bookings/${booked.uid}/cancel`, { token })).status).toBe(409);
  });

  it('reschedule keeps the uid, frees the old time and takes the new one', async () => {
    const host = await hostWithType(t.app);
    const booked = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('09:00')))
    ).body.booking;
    const blocker = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('16:00')))
    ).body.booking;
    const token = new URL(booked.links.manage).searchParams.get('token')!;
    const invitee = new TestClient(t.app);

    const onto = await invitee.post(`/api/meetings/bookings/${booked.uid}/reschedule`, { token, start: blocker.start });
    expect(onto.status).toBe(409);
    const offGrid = await invitee.post(`/api/meetings/bookings/${booked.uid}/reschedule`, {
      token,
      start: iso('09:05'),
    });
    expect(offGrid.status).toBe(422);
    // Moving by 15 minutes onto itself is allowed: the booking does not block its own new time.
    const moved = await invitee.post(`/api/meetings/bookings/${booked.uid}/reschedule`, { token, start: iso('12:30') });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ uid: booked.uid, start: iso('12:30'), status: 'confirmed' });
    const starts = await slotsOf(host.user.username);
    expect(starts).toContain(iso('09:00'));
    expect(starts).not.toContain(iso('12:30'));
    const hostView = await host.client.get(`/api/meetings/bookings/${booked.uid}`);
    expect(hostView.body.booking.start).toBe(iso('12:30'));
  });
});

describe('host actions', () => {
  it('lists upcoming, cancels with a reason, refuses no-show before the start, and hides other hosts’ bookings', async () => {
    const host = await hostWithType(t.app);
    const stranger = await hostWithType(t.app);
    const booked = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('10:30')))
    ).body.booking;

    const upcoming = await host.client.get('/api/meetings/bookings?status=upcoming');
    expect(upcoming.body.bookings.map((b: { uid: string }) => b.uid)).toEqual([booked.uid]);
    expect(upcoming.body.bookings[0].links.manage).toContain(booked.uid);
    expect((await stranger.client.get(`/api/meetings/bookings/${booked.uid}`)).status).toBe(404);
    expect(
      (await stranger.client.request('PATCH', `/api/meetings/bookings/${booked.uid}`, { action: 'cancel' })).status,
    ).toBe(404);
    expect((await new TestClient(t.app).get(`/api/meetings/bookings/${booked.uid}`)).status).toBe(401);

    const noShow = await host.client.request('PATCH', `/api/meetings/bookings/${booked.uid}`, { action: 'no_show' });
    expect(noShow.status).toBe(409);
    const cancelled = await host.client.request('PATCH', `/api/meetings/bookings/${booked.uid}`, {
      action: 'cancel',
      reason: 'Sick',
    });
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', cancelReason: 'Sick' });
    expect((await host.client.get('/api/meetings/bookings?status=cancelled')).body.bookings).toHaveLength(1);
    expect((await host.client.get('/api/meetings/bookings?status=upcoming')).body.bookings).toHaveLength(0);
  });

  it('lists each booking with its own reminders, fetched in one query for the whole list', async () => {
    const host = await hostWithType(t.app);
    const deep = await host.client.post('/api/meetings/types', {
      title: 'Deep dive',
      slug: 'deep',
      durationMinutes: 30,
      minimumNoticeMinutes: 0,
      reminderOffsetsMinutes: [30, 120, 10],
    });
    expect(deep.status).toBe(201);
    const book = async (type: string, hhmm: string) =>
      (await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso(hhmm), { type })))
        .body.booking.uid as string;
    const intro = await book('intro', '09:00');
    const dive = await book('deep', '13:00');
    const dropped = await book('intro', '15:30');
    await host.client.request('PATCH', `/api/meetings/bookings/${dropped}`, { action: 'cancel' });

    const remindersQuery = vi.spyOn(bookingsRepo, 'remindersOf');
    const res = await host.client.get('/api/meetings/bookings');
    expect(remindersQuery).toHaveBeenCalledTimes(1);
    remindersQuery.mockRestore();

    type Listed = { uid: string; reminders: { offsetMinutes: number; scheduledFor: string; status: string }[] };
    const byUid = new Map((res.body.bookings as Listed[]).map((b) => [b.uid, b.reminders]));
    const expected = (hhmm: string, offsets: number[], status: string) =>
      offsets.map((offsetMinutes) => ({
        offsetMinutes,
        scheduledFor: new Date(Date.parse(iso(hhmm)) - offsetMinutes * 60_000).toISOString(),
        status,
      }));
    expect(byUid.size).toBe(3);
    expect(byUid.get(intro)).toEqual(expected('09:00', [1440, 60], 'scheduled'));
    expect(byUid.get(dive)).toEqual(expected('13:00', [120, 30, 10], 'scheduled'));
    expect(byUid.get(dropped)).toEqual(expected('15:30', [1440, 60], 'cancelled'));
  });

  it('marks a no-show once the meeting has started', async () => {
    const host = await hostWithType(t.app);
    const booked = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('11:30')))
    ).body.booking;
    // Move it into the past directly: the API rightly refuses to book past times.
    const past = new Date(Date.now() - 3_600_000);
    await t.db.db
      .update(meetingBookings)
      .set({ startAt: past, endAt: new Date(past.getTime() + 1_800_000) })
      .where(eq(meetingBookings.uid, booked.uid));
    const res = await host.client.request('PATCH', `/api/meetings/bookings/${booked.uid}`, { action: 'no_show' });
    expect(res.status).toBe(200);
    expect(res.body.booking.noShow).toBe(true);
  });
});
