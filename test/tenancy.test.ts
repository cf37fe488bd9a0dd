import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExclusionViolation } from '../src/db/errors.js';
import { meetingBookings, meetingTypes, memberships } from '../src/db/schema/index.js';
import { withTenant } from '../src/db/tenant.js';
import { createTestApp, signedUpClient, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function tenantOf(userId: string) {
  const [row] = await t.db.db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { orgId: row!.orgId, userId };
}

async function insertMeetingType(tenant: { orgId: string; userId: string }, slug: string) {
  const [row] = await withTenant(t.db.db, tenant, (tx) =>
    tx
      .insert(meetingTypes)
      .values({ orgId: tenant.orgId, hostUserId: tenant.userId, title: 'Intro', slug, durationMinutes: 30 })
      .returning(),
  );
  return row!;
}

describe('row level security as the app role', () => {
  it('shows and changes only the current organization’s rows even without a WHERE clause', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    const b = await tenantOf((await signedUpClient(t.app)).user.id);
    // Without the starter type sign-up gives each, so the only row is the one this test makes.
    await t.db.db.delete(meetingTypes).where(inArray(meetingTypes.orgId, [a.orgId, b.orgId]));
    const typeOfA = await insertMeetingType(a, 'intro');

    const seenByB = await withTenant(t.db.db, b, (tx) => tx.select().from(meetingTypes));
    expect(seenByB).toEqual([]);
    const seenByA = await withTenant(t.db.db, a, (tx) => tx.select({ id: meetingTypes.id }).from(meetingTypes));
    expect(seenByA).toEqual([{ id: typeOfA.id }]);

    const updatedByB = await withTenant(t.db.db, b, (tx) =>
      tx.update(meetingTypes).set({ title: 'Hijacked' }).returning(),
    );
    expect(updatedByB).toEqual([]);
    const deletedByB = await withTenant(t.db.db, b, (tx) => tx.delete(meetingTypes).returning());
    expect(deletedByB).toEqual([]);
    const [still] = await withTenant(t.db.db, a, (tx) => tx.select({ title: meetingTypes.title }).from(meetingTypes));
    expect(still!.title).toBe('Intro');
  });

  it('refuses to write a row into another organization', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    const b = await tenantOf((await signedUpClient(t.app)).user.id);
    await expect(
      withTenant(t.db.db, b, (tx) =>
        tx
          .insert(meetingTypes)
          .values({ orgId: a.orgId, hostUserId: b.userId, title: 'Planted', slug: 'planted', durationMinutes: 30 }),
      ),
    ).rejects.toThrow();
    const typeOfB = await insertMeetingType(b, 'mine');
    await expect(
      withTenant(t.db.db, b, (tx) =>
        tx.update(meetingTypes).set({ orgId: a.orgId }).where(eq(meetingTypes.id, typeOfB.id)),
      ),
    ).rejects.toThrow();
  });

  it('sees nothing when no tenant is set, and cannot read secrets of users', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    await insertMeetingType(a, 'intro');
    const rows = await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`set local role tuskhub_app`);
      return (await tx.execute(sql`select count(*)::int as n from meeting_types`)).rows;
    });
    expect(rows).toEqual([{ n: 0 }]);
    const permissionDenied = (e: unknown) => /permission denied/.test(String((e as { cause?: Error }).cause?.message));
    await expect(withTenant(t.db.db, a, (tx) => tx.execute(sql`select password_hash from users`))).rejects.toSatisfy(
      permissionDenied,
    );
    await expect(withTenant(t.db.db, a, (tx) => tx.execute(sql`select * from sessions`))).rejects.toSatisfy(
      permissionDenied,
    );
  });

  it('lists only the organization’s own members', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    await signedUpClient(t.app);
    const visible = await withTenant(t.db.db, a, (tx) => tx.execute(sql`select id from users`));
    expect(visible.rows).toEqual([{ id: a.userId }]);
  });
});

describe('no double booking', () => {
  async function book(
    tenant: { orgId: string; userId: string },
    typeId: string,
    start: string,
    end: string,
    status: 'confirmed' | 'pending' | 'cancelled' = 'confirmed',
  ) {
    return withTenant(t.db.db, tenant, (tx) =>
      tx
        .insert(meetingBookings)
        .values({
          orgId: tenant.orgId,
          meetingTypeId: typeId,
          hostUserId: tenant.userId,
          status,
          startAt: new Date(start),
          endAt: new Date(end),
          timeZone: 'UTC',
          inviteeName: 'Ivy',
          inviteeEmail: 'ivy@example.com',
          location: { type: 'jitsi' },
        })
        .returning({ uid: meetingBookings.uid }),
    );
  }

  it('rejects an overlapping live booking of the same host in the database', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    const type = await insertMeetingType(a, 'intro');
    const [first] = await book(a, type.id, '2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z');
    expect(first!.uid).toMatch(/^[0-9a-f]{30}$/);

    const overlap = book(a, type.id, '2030-01-07T10:15:00Z', '2030-01-07T10:45:00Z', 'pending');
    await expect(overlap).rejects.toSatisfy((e) => isExclusionViolation(e, 'meeting_bookings_no_overlap'));

    // Back-to-back is fine: ranges are half-open.
    await expect(book(a, type.id, '2030-01-07T10:30:00Z', '2030-01-07T11:00:00Z')).resolves.toHaveLength(1);
    // Cancelled bookings do not hold the time.
    await expect(book(a, type.id, '2030-01-07T09:45:00Z', '2030-01-07T10:15:00Z', 'cancelled')).resolves.toHaveLength(
      1,
    );
  });

  it('lets different hosts book the same time', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    const b = await tenantOf((await signedUpClient(t.app)).user.id);
    await book(a, (await insertMeetingType(a, 'x')).id, '2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z');
    await expect(
      book(b, (await insertMeetingType(b, 'x')).id, '2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z'),
    ).resolves.toHaveLength(1);
  });
});

describe('schema', () => {
  const MEETING_TABLES = [
    'meeting_types',
    'meeting_availability',
    'meeting_bookings',
    'meeting_documents',
    'meeting_workflows',
    'meeting_analytics',
    'meeting_reminders',
    'meeting_calendar_integrations',
    'meeting_video_links',
    'meeting_payment_transactions',
    'meeting_team_availability',
    'meeting_organization_settings',
    'meeting_workflow_templates',
  ];

  it('has the 13 meeting tables with row level security enabled and forced', async () => {
    const res = await t.db.db.execute(
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relkind = 'r' and relname like 'meeting\\_%' order by relname`,
    );
    expect(res.rows.map((r) => r.relname).sort()).toEqual([...MEETING_TABLES].sort());
    for (const row of res.rows) expect(row).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('keeps updated_at current with a trigger', async () => {
    const a = await tenantOf((await signedUpClient(t.app)).user.id);
    const type = await insertMeetingType(a, 'intro');
    await new Promise((r) => setTimeout(r, 5));
    const [after] = await withTenant(t.db.db, a, (tx) =>
      tx
        .update(meetingTypes)
        .set({ title: 'Renamed' })
        .where(eq(meetingTypes.id, type.id))
        .returning({ updatedAt: meetingTypes.updatedAt }),
    );
    expect(after!.updatedAt.getTime()).toBeGreaterThan(type.updatedAt.getTime());
  });
});
