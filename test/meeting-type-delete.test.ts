import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, meetingBookings, meetingTypes, webhookDeliveries } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
});
afterAll(() => t.close());

const day = utcDay(5);

async function book(username: string, hhmm: string, email: string) {
  const res = await new TestClient(t.app).post(
    '/api/meetings/book',
    bookingBody(username, at(day, hhmm), { invitee: { name: 'Ivy', email } }),
  );
  expect(res.status).toBe(201);
  return res.body.booking as { uid: string; links: { manage: string } };
}

describe('deleting a meeting type', () => {
  it('refuses while bookings are upcoming, then cancels them on request and archives the type', async () => {
    const host = await hostWithType(t.app);
    const hook = await host.client.post('/api/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/hook',
      events: ['booking.cancelled'],
    });
    expect(hook.status).toBe(201);
    const past = await book(host.user.username, '09:00', 'past@example.com');
    await t.db.db.execute(
      sql`update meeting_bookings set start_at = now() - interval '2 days', end_at = now() - interval '2 days' + interval '30 minutes' where uid = ${past.uid}`,
    );
    const first = await book(host.user.username, '10:00', 'ivy-one@example.com');
    const second = await book(host.user.username, '11:00', 'ivy-two@example.com');
    const typeUrl = `/api/meetings/types/${host.type.id}`;

    const refused = await host.client.request('DELETE', typeUrl);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('type_has_bookings');
    expect(refused.body.error.details).toEqual({ upcomingBookings: 2 });
    expect(refused.body.error.message).toMatch(/2 upcoming bookings/);
    expect((await host.client.get(typeUrl)).status).toBe(200);
    const live = await t.db.db.select().from(meetingBookings).where(eq(meetingBookings.meetingTypeId, host.type.id));
    expect(live.map((b) => b.status).sort()).toEqual(['confirmed', 'confirmed', 'confirmed']);

    const done = await host.client.request('DELETE', `${typeUrl}?cancelBookings=true&reason=Retiring%20this%20call`);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ ok: true, archived: true, cancelledBookings: 2 });

    for (const b of [first, second]) {
      const token = new URL(b.links.manage).searchParams.get('token')!;
      const seen = await new TestClient(t.app).get(`/api/meetings/bookings/${b.uid}?token=${token}`);
      expect(seen.status).toBe(200);
      expect(seen.body.booking).toMatchObject({ status: 'cancelled', cancelReason: 'Retiring this call' });
    }
    const cancelMail = await t.db.db
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.toAddress} = 'ivy-one@example.com' and ${emailOutbox.subject} like 'Cancelled:%'`);
    expect(cancelMail).toHaveLength(1);
    expect(cancelMail[0]!.attachments[0]!.contentType).toMatch(/method=CANCEL/);
    expect(Buffer.from(cancelMail[0]!.attachments[0]!.contentBase64, 'base64').toString()).toMatch(/^METHOD:CANCEL/m);
    const hooks = await t.db.db
      .select({ event: webhookDeliveries.event })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.body.endpoint.id));
    expect(hooks).toEqual([{ event: 'booking.cancelled' }, { event: 'booking.cancelled' }]);

    // Archived: gone from every list and page, its link free again, its history kept.
    // Only the starter type from sign-up is left.
    const slugs = (types: { slug: string }[]) => types.map((type) => type.slug);
    expect(slugs((await host.client.get('/api/meetings/types')).body.meetingTypes)).toEqual(['30min']);
    expect((await host.client.get(typeUrl)).status).toBe(404);
    expect((await host.client.request('DELETE', typeUrl)).status).toBe(404);
    expect((await new TestClient(t.app).get(`/api/public/users/${host.user.username}/types/intro`)).status).toBe(404);
    expect(
      slugs((await new TestClient(t.app).get(`/api/public/users/${host.user.username}`)).body.meetingTypes),
    ).toEqual(['30min']);
    const [archived] = await t.db.db.select().from(meetingTypes).where(eq(meetingTypes.id, host.type.id));
    expect(archived).toMatchObject({ isActive: false, archivedAt: expect.any(Date) });
    const again = await host.client.post('/api/meetings/types', {
      title: 'Intro call',
      slug: 'intro',
      durationMinutes: 30,
    });
    expect(again.status).toBe(201);
    const history = (await host.client.get('/api/meetings/bookings?status=past')).body.bookings;
    expect(history.map((b: { uid: string }) => b.uid)).toEqual([past.uid]);
    expect(history[0].eventType).toMatchObject({ id: host.type.id, title: 'Intro call' });
  });

  it('deletes a type that never had bookings outright', async () => {
    const host = await hostWithType(t.app);
    const res = await host.client.request('DELETE', `/api/meetings/types/${host.type.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, archived: false, cancelledBookings: 0 });
    expect(await t.db.db.select().from(meetingTypes).where(eq(meetingTypes.id, host.type.id))).toEqual([]);
  });

  it('archives a type whose bookings are all over without asking', async () => {
    const host = await hostWithType(t.app);
    const past = await book(host.user.username, '12:00', 'over@example.com');
    await t.db.db.execute(
      sql`update meeting_bookings set start_at = now() - interval '1 day', end_at = now() - interval '1 day' + interval '30 minutes' where uid = ${past.uid}`,
    );
    const res = await host.client.request('DELETE', `/api/meetings/types/${host.type.id}`);
    expect(res.body).toEqual({ ok: true, archived: true, cancelledBookings: 0 });
    const [b] = await t.db.db.select().from(meetingBookings).where(eq(meetingBookings.uid, past.uid));
    expect(b!.status).toBe('confirmed');
  });
});
