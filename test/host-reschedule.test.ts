import { asc, eq } from 'drizzle-orm';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookDeliveries } from '../src/db/schema/index.js';
import { waitForMail } from './helpers/account-mail.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { testClock } from './helpers/clock.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

/** The services' clock stands at 08:00 UTC on `today`; the host works 09:00–17:00 UTC every day. */
const today = utcDay(3);
const day = utcDay(5);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    clock: testClock(new Date(at(today, '08:00'))).clock,
    env: { PUBLIC_URL: 'https://meet.example.com', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' },
  });
});
afterAll(() => t.close());

type Mail = Awaited<ReturnType<typeof waitForMail>>[number];

/** A message's calendar invitation, parsed as a calendar app would. */
function invitation(mail: Mail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  expect(part, `no invitation in "${mail.subject}"`).toBeDefined();
  const text = Buffer.from(part!.contentBase64, 'base64').toString('utf8');
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
  return { method: /^METHOD:(\w+)/m.exec(text)?.[1], uid: event.uid, sequence: Number(event.sequence), event, text };
}

/** A host (notice 4 hours, so invitees cannot book today before noon) with a webhook endpoint, and one booking. */
async function hostWithBooking(typeOverrides: Record<string, unknown> = {}) {
  const host = await hostWithType(t.app, { minimumNoticeMinutes: 240, ...typeOverrides });
  const hook = await host.client.post('/api/webhooks/endpoints', {
    url: 'http://127.0.0.1:9/hooks',
    events: ['booking.created', 'booking.cancelled', 'booking.rescheduled'],
  });
  expect(hook.status).toBe(201);
  const invitee = `ivy-${host.user.username}@example.com`;
  const booked = await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(host.user.username, at(day, '10:00'), { invitee: { name: 'Ivy Invitee', email: invitee } }),
  );
  expect(booked.status).toBe(201);
  const booking = booked.body.booking;
  const token = new URL(booking.links.manage).searchParams.get('token')!;
  return { host, invitee, booking, token, endpointId: hook.body.endpoint.id as string };
}

async function webhookEvents(endpointId: string) {
  const rows = await t.db.db
    .select({ event: webhookDeliveries.event, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.createdAt));
  return rows.map((r) => ({ event: r.event, booking: (r.payload as { booking: Record<string, unknown> }).booking }));
}

describe('the host reschedules', () => {
  it('moves the booking on the slot engine, tells both with the same UID and a raised SEQUENCE', async () => {
    const { host, invitee, booking, endpointId } = await hostWithBooking();
    // Within the type's notice: the invitee could not pick 10:00 today, the host can.
    const publicSlots = await new TestClient(t.app).get(
      `/api/meetings/slots?user=${host.user.username}&type=intro&from=${at(today, '00:00')}&to=${at(today, '23:59')}`,
    );
    expect(publicSlots.body.slots.map((s: { start: string }) => s.start)).not.toContain(at(today, '10:00'));
    const hostSlots = await host.client.get(
      `/api/meetings/bookings/${booking.uid}/slots?from=${at(today, '00:00')}&to=${at(today, '23:59')}`,
    );
    expect(hostSlots.status).toBe(200);
    expect(hostSlots.body.slots[0]).toEqual({ start: at(today, '09:00'), end: at(today, '09:30') });

    const moved = await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, {
      action: 'reschedule',
      start: at(today, '10:00'),
      reason: 'A clash with a flight',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ uid: booking.uid, status: 'confirmed', start: at(today, '10:00') });
    expect(moved.body.booking.reminders).toEqual([
      { offsetMinutes: 1440, scheduledFor: at(utcDay(2), '10:00'), status: 'skipped' },
      { offsetMinutes: 60, scheduledFor: at(today, '09:00'), status: 'scheduled' },
    ]);

    const [first, second] = await waitForMail(t, invitee, 2);
    expect(second!.subject).toMatch(/^Rescheduled: Intro call with /);
    expect(second!.text).toContain('moved your meeting');
    expect(second!.text).toContain('Reason: A clash with a flight');
    const before = invitation(first!);
    const after = invitation(second!);
    expect(after.method).toBe('REQUEST');
    expect(after.uid).toBe(before.uid);
    expect(after.uid).toBe(`${booking.uid}@meet.example.com`);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.event.start.toISOString()).toBe(at(today, '10:00'));
    const hostMail = (await waitForMail(t, host.user.email, 2))[1]!;
    expect(hostMail.subject).toBe('You rescheduled: Intro call with Ivy Invitee');
    expect(hostMail.text).toContain(`Open in TuskHub: https://meet.example.com/dashboard/bookings/${booking.uid}`);
    expect(invitation(hostMail).sequence).toBe(after.sequence);

    // The old time is free again, the new one taken.
    const old = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '10:00')),
    );
    expect(old.status).toBe(201);
    const hooks = await webhookEvents(endpointId);
    expect(hooks.map((h) => h.event)).toEqual(['booking.created', 'booking.rescheduled', 'booking.created']);
    const rescheduled = hooks.find((h) => h.event === 'booking.rescheduled')!;
    expect(rescheduled.booking).toMatchObject({ uid: booking.uid, start: at(today, '10:00') });
  });

  it('refuses times the type does not offer (422) and taken ones (409), changing nothing', async () => {
    const { host, booking, invitee } = await hostWithBooking();
    const other = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '13:00')),
    );
    expect(other.status).toBe(201);
    const patch = (body: object) => host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, body);

    const taken = await patch({ action: 'reschedule', start: at(day, '13:00') });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slot_unavailable');
    for (const start of [at(day, '03:00'), at(today, '07:00'), at(day, '10:10'), at(utcDay(90), '10:00')]) {
      const refused = await patch({ action: 'reschedule', start });
      expect(refused.status, start).toBe(422);
      expect(refused.body.error.details.fields.start).toMatch(/not offered/);
    }
    const noStart = await patch({ action: 'reschedule' });
    expect(noStart.status).toBe(422);
    expect(noStart.body.error.details.fields).toHaveProperty('start');
    const stranger = await hostWithType(t.app);
    const notTheirs = await stranger.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, {
      action: 'reschedule',
      start: at(day, '15:00'),
    });
    expect(notTheirs.status).toBe(404);

    const unchanged = await host.client.get(`/api/meetings/bookings/${booking.uid}`);
    expect(unchanged.body.booking.start).toBe(at(day, '10:00'));
    expect(await waitForMail(t, invitee, 1)).toHaveLength(1);

    await patch({ action: 'cancel' });
    const cancelled = await patch({ action: 'reschedule', start: at(day, '15:00') });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('invalid_transition');
  });
});

describe('the host asks for a new time', () => {
  it('cancels with CANCEL, frees the time, and the invitee brings the same booking back once', async () => {
    const { host, invitee, booking, token, endpointId } = await hostWithBooking();
    const asked = await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, {
      action: 'request_reschedule',
      reason: 'I am ill that day',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.booking).toMatchObject({ status: 'cancelled', cancelReason: 'I am ill that day' });
    expect(asked.body.booking.rescheduleRequestedAt).toBe(at(today, '08:00'));

    const request = (await waitForMail(t, invitee, 2))[1]!;
    expect(request.subject).toMatch(/^Please pick a new time: Intro call with /);
    expect(request.text).toContain(`Pick a new time: ${booking.links.reschedule}`);
    const cancel = invitation(request);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.uid).toBe(`${booking.uid}@meet.example.com`);
    expect(cancel.sequence).toBe(1);
    expect(invitation((await waitForMail(t, host.user.email, 2))[1]!).method).toBe('CANCEL');

    // The time is free for anyone.
    const someone = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '10:00'), { invitee: { name: 'Sam', email: 'sam@example.com' } }),
    );
    expect(someone.status).toBe(201);
    const seenByInvitee = await new TestClient(t.app).get(`/api/meetings/bookings/${booking.uid}?token=${token}`);
    expect(seenByInvitee.body.booking).toMatchObject({
      status: 'cancelled',
      rescheduleRequestedAt: at(today, '08:00'),
    });

    const back = await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/reschedule`, {
      token,
      start: at(day, '14:00'),
    });
    expect(back.status).toBe(200);
    expect(back.body.booking).toMatchObject({
      uid: booking.uid,
      status: 'confirmed',
      start: at(day, '14:00'),
      rescheduleRequestedAt: null,
      cancelReason: null,
    });
    const picked = (await waitForMail(t, invitee, 3))[2]!;
    expect(picked.subject).toMatch(/^Confirmed: /);
    const request2 = invitation(picked);
    expect(request2.method).toBe('REQUEST');
    expect(request2.uid).toBe(cancel.uid);
    expect(request2.sequence).toBe(2);
    const hostPicked = (await waitForMail(t, host.user.email, 4))[3]!;
    expect(hostPicked.subject).toBe('New time picked: Intro call with Ivy Invitee');

    const hooks = (await webhookEvents(endpointId)).filter((h) => h.booking.uid === booking.uid);
    expect(hooks.map((h) => h.event)).toEqual(['booking.created', 'booking.cancelled', 'booking.rescheduled']);
    expect(hooks[1]!.booking.rescheduleRequestedAt).toBe(at(today, '08:00'));
    expect(hooks[2]!.booking.rescheduleRequestedAt).toBe(null);

    // Once back, it is a live booking like any: cancelled by the invitee, it cannot be brought back again.
    expect((await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/cancel`, { token })).status).toBe(
      200,
    );
    const again = await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/reschedule`, {
      token,
      start: at(day, '15:00'),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('booking_not_active');
  });

  it('brings it back pending when the type needs confirmation, and never a plain cancelled booking', async () => {
    const { host, booking, token } = await hostWithBooking({ requiresConfirmation: true });
    await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, { action: 'confirm' });
    await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, { action: 'request_reschedule' });
    const taken = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, at(day, '16:00')),
    );
    expect(taken.status).toBe(201);
    const busy = await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/reschedule`, {
      token,
      start: at(day, '16:00'),
    });
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('slot_unavailable');
    const back = await new TestClient(t.app).post(`/api/meetings/bookings/${booking.uid}/reschedule`, {
      token,
      start: at(day, '11:00'),
    });
    expect(back.status).toBe(200);
    expect(back.body.booking.status).toBe('pending');

    const plain = await hostWithBooking();
    await plain.host.client.request('PATCH', `/api/meetings/bookings/${plain.booking.uid}`, { action: 'cancel' });
    const refused = await new TestClient(t.app).post(`/api/meetings/bookings/${plain.booking.uid}/reschedule`, {
      token: plain.token,
      start: at(day, '11:00'),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('booking_not_active');
    const twice = await plain.host.client.request('PATCH', `/api/meetings/bookings/${plain.booking.uid}`, {
      action: 'request_reschedule',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('invalid_transition');
  });
});

describe('the host’s private note', () => {
  it('is kept for the host and never reaches the invitee, e-mails, calendar files or webhooks', async () => {
    const { host, invitee, booking, token, endpointId } = await hostWithBooking();
    const secret = 'Private: prefers mornings, budget 40k';
    const saved = await host.client.request('PUT', `/api/meetings/bookings/${booking.uid}/note`, {
      note: ` ${secret} `,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.booking.hostNote).toBe(secret);
    expect((await host.client.get(`/api/meetings/bookings/${booking.uid}`)).body.booking.hostNote).toBe(secret);
    const listed = await host.client.get('/api/meetings/bookings');
    expect(listed.body.bookings[0].hostNote).toBe(secret);
    const csv = await host.client.get('/api/meetings/bookings?format=csv');
    expect(csv.body).toContain(secret);

    const theirs = await new TestClient(t.app).get(`/api/meetings/bookings/${booking.uid}?token=${token}`);
    expect(theirs.body.booking).not.toHaveProperty('hostNote');
    expect(JSON.stringify(theirs.body)).not.toContain('prefers mornings');
    await host.client.request('PATCH', `/api/meetings/bookings/${booking.uid}`, {
      action: 'reschedule',
      start: at(day, '15:00'),
    });
    const ics = await new TestClient(t.app).get(`/api/meetings/bookings/${booking.uid}/ics?token=${token}`);
    expect(ics.body).not.toContain('prefers mornings');
    for (const mail of [...(await waitForMail(t, invitee, 2)), ...(await waitForMail(t, host.user.email, 2))])
      expect(JSON.stringify(mail)).not.toContain('prefers mornings');
    const hooks = await webhookEvents(endpointId);
    expect(hooks.length).toBeGreaterThan(1);
    expect(JSON.stringify(hooks)).not.toContain('prefers mornings');

    expect(
      (await host.client.request('PUT', `/api/meetings/bookings/${booking.uid}/note`, { note: 'x'.repeat(5001) }))
        .status,
    ).toBe(422);
    const stranger = await hostWithType(t.app);
    expect(
      (await stranger.client.request('PUT', `/api/meetings/bookings/${booking.uid}/note`, { note: 'mine' })).status,
    ).toBe(404);
    const cleared = await host.client.request('PUT', `/api/meetings/bookings/${booking.uid}/note`, { note: '  ' });
    expect(cleared.body.booking.hostNote).toBe(null);
  });
});
