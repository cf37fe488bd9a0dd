import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingListRepo } from '../src/modules/scheduling/booking-list.repo.js';
import { bookingsRepo } from '../src/modules/scheduling/bookings.repo.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { hostWithType } from './helpers/scheduling.js';

let t: TestApp;
let host: Awaited<ReturnType<typeof hostWithType>>;

type Listed = {
  uid: string;
  status: string;
  start: string;
  end: string;
  invitee: { name: string };
  eventType: { slug: string };
};
type Page = { bookings: Listed[]; next: string | null };

/**
 * 120 bookings over 30 hours around now, four to an hour and all four starting at the same instant: one
 * confirmed (an hour long, so the one of this hour is running now) and three cancelled. Every other booking is
 * of a second type, and the names alternate, for the filters.
 */
beforeAll(async () => {
  t = await createTestApp();
  host = await hostWithType(t.app);
  const deep = await host.client.post('/api/meetings/types', { title: 'Deep dive', slug: 'deep', durationMinutes: 60 });
  expect(deep.status).toBe(201);
  const { rows } = await t.db.executeSql(`select org_id, host_user_id from meeting_types where id = $1`, [
    host.type.id,
  ]);
  const { org_id: orgId, host_user_id: userId } = rows[0] as { org_id: string; host_user_id: string };
  await t.db.executeSql(
    `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, status, start_at, end_at, time_zone,
       invitee_name, invitee_email, location)
     select $1, case when n % 2 = 0 then $2::uuid else $3::uuid end, $4,
       (case when n % 4 = 0 then 'confirmed' else 'cancelled' end)::booking_status,
       date_trunc('hour', now()) + make_interval(hours => n / 4 - 15),
       date_trunc('hour', now()) + make_interval(hours => n / 4 - 14),
       'UTC', case when n % 3 = 0 then 'Alpha ' else 'Beta ' end || n, 'guest' || n || '@example.com',
       '{"type":"none"}'
     from generate_series(0, 119) as n`,
    [orgId, host.type.id, deep.body.meetingType.id, userId],
  );
});
afterAll(() => t.close());

const get = (query: string) => host.client.get(`/api/meetings/bookings?${query}`);

async function onePage(query: string): Promise<Page> {
  const res = await get(query);
  expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as Page;
}

/** Every page of a list, following `next` until it is null. */
async function allPages(query: string, limit: number): Promise<Listed[][]> {
  const pages: Listed[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await onePage(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(page.bookings);
    cursor = page.next;
    expect(pages.length, 'pages').toBeLessThan(200);
  } while (cursor);
  return pages;
}

const uids = (bookings: Listed[]) => bookings.map((b) => b.uid);

/** Pages of `limit` add up to the whole list asked in one: nothing skipped, nothing twice, in the same order. */
async function pagesMatchWhole(query: string, limit: number) {
  const whole = (await onePage(`${query}&limit=200`)).bookings;
  const pages = await allPages(query, limit);
  expect(pages.length, query).toBe(Math.max(1, Math.ceil(whole.length / limit)));
  for (const page of pages.slice(0, -1)) expect(page).toHaveLength(limit);
  const paged = uids(pages.flat());
  expect(new Set(paged).size, query).toBe(paged.length);
  expect(paged, query).toEqual(uids(whole));
  return whole;
}

const byStart = (order: 'asc' | 'desc') => (a: Listed, b: Listed) =>
  (Date.parse(a.start) - Date.parse(b.start)) * (order === 'asc' ? 1 : -1);

describe('paging through the host’s bookings', () => {
  it('pages through 120 bookings, 30 instants shared by four each, in both orders', async () => {
    const asc = await pagesMatchWhole('status=cancelled,confirmed', 7);
    expect(asc).toHaveLength(120);
    expect(asc).toEqual([...asc].sort(byStart('asc')));
    const desc = await pagesMatchWhole('status=cancelled,confirmed&order=desc', 7);
    // Ties are ordered by id, so the newest-first list is the oldest-first one backwards.
    expect(uids(desc)).toEqual(uids(asc).reverse());
    // A page that ends inside a group of equal starts goes on with the rest of the group.
    await pagesMatchWhole('', 3);
  });

  it('keeps the filters on every page', async () => {
    const all = (await onePage('limit=200')).bookings;
    const wanted = all.filter(
      (b) => b.invitee.name.startsWith('Alpha') && b.status === 'cancelled' && b.eventType.slug === 'deep',
    );
    expect(wanted.length).toBeGreaterThan(10);
    const found = await pagesMatchWhole('status=cancelled&q=alpha&type=deep', 4);
    expect(uids(found)).toEqual(uids(wanted));
    const backwards = await pagesMatchWhole('status=cancelled&q=alpha&type=deep&order=desc', 4);
    expect(uids(backwards)).toEqual(uids(wanted).reverse());
    const from = all[40]!.start;
    const to = all[80]!.start;
    const inRange = await pagesMatchWhole(`from=${from}&to=${to}&order=desc`, 6);
    expect(uids(inRange)).toEqual(uids(all.slice(40, 80)).reverse());
  });

  it('pages the upcoming and past lists: the running meeting first, the past newest first', async () => {
    const now = Date.now();
    const all = (await onePage('limit=200')).bookings;
    const live = all.filter((b) => b.status === 'confirmed' || b.status === 'pending');
    const upcoming = await pagesMatchWhole('status=upcoming', 4);
    expect(uids(upcoming)).toEqual(uids(live.filter((b) => Date.parse(b.end) > now)));
    expect(Date.parse(upcoming[0]!.start)).toBeLessThanOrEqual(now);
    const past = await pagesMatchWhole('status=past', 4);
    expect(uids(past)).toEqual(uids(live.filter((b) => Date.parse(b.end) <= now)).reverse());
    expect(uids(await pagesMatchWhole('status=past&order=asc', 4))).toEqual(uids(past).reverse());
  });

  it('answers 50 by default with a cursor, and null once nothing follows', async () => {
    const first = await onePage('');
    expect(first.bookings).toHaveLength(50);
    expect(first.next).toEqual(expect.any(String));
    const last = await onePage(`limit=200&cursor=${(await onePage('limit=110')).next}`);
    expect(last.bookings).toHaveLength(10);
    expect(last.next).toBeNull();
    expect((await onePage('limit=120')).next).toBeNull();
  });

  it('reads each page with one query for the bookings and one for their reminders', async () => {
    const list = vi.spyOn(bookingListRepo, 'list');
    const reminders = vi.spyOn(bookingsRepo, 'remindersOf');
    const first = await onePage('limit=60');
    await onePage(`limit=60&cursor=${first.next}`);
    expect(list).toHaveBeenCalledTimes(2);
    expect(reminders).toHaveBeenCalledTimes(2);
    list.mockRestore();
    reminders.mockRestore();
  });

  it('refuses a cursor made for other filters or another order, or a damaged one, with 400', async () => {
    const { next } = await onePage('status=cancelled&q=beta&limit=5');
    expect((await get(`status=cancelled&q=beta&limit=9&cursor=${next}`)).status).toBe(200);
    for (const other of ['status=confirmed&q=beta', 'status=cancelled', 'status=cancelled&q=beta&order=desc']) {
      const res = await get(`${other}&cursor=${next}`);
      expect(res.status, other).toBe(400);
      expect(res.body.error.code).toBe('cursor_mismatch');
    }
    const [start, id, print] = JSON.parse(Buffer.from(next!, 'base64url').toString()) as string[];
    const forged = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const cursor of [
      'nonsense',
      forged([start, id]),
      forged([start!.replace(/^\d{4}-\d{2}-\d{2}/, '2026-02-30'), id, print]),
      forged([start!.replace('.', ','), id, print]),
      forged([start, 'not-a-uuid', print]),
      forged({ start, id, print }),
      encodeURIComponent(Buffer.from('{"broken').toString('base64url')),
    ]) {
      const res = await get(`status=cancelled&q=beta&cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(res.body.error.code, cursor).toBe('invalid_cursor');
      expect(res.body.error.details.fields.cursor).toEqual(expect.any(String));
    }
    expect((await get(`cursor=${'a'.repeat(501)}`)).status).toBe(422);
  });

  it('takes a limit from 1 to 200 and refuses others naming the field', async () => {
    expect((await onePage('limit=1')).bookings).toHaveLength(1);
    expect((await onePage('limit=200')).bookings).toHaveLength(120);
    for (const limit of ['0', '201', '-1', '1.5', 'ten', '', '1e2', '99999999999']) {
      const res = await get(`limit=${limit}`);
      expect(res.status, limit).toBe(422);
      expect(Object.keys(res.body.error.details.fields), limit).toEqual(['limit']);
    }
  });

  it('leaves the CSV export to its own cap, whatever the page size', async () => {
    const res = await get('format=csv&limit=5');
    expect(res.status).toBe(200);
    expect((res.body as string).trim().split('\r\n')).toHaveLength(121);
  });
});
