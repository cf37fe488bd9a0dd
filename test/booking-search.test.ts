import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingsRepo } from '../src/modules/scheduling/bookings.repo.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const day = utcDay(4);
const later = utcDay(9);

type Listed = { uid: string; invitee: { name: string; email: string }; status: string };

/** A host with two types and bookings whose names and addresses hold LIKE's own wildcards. */
async function hostWithBookings() {
  const host = await hostWithType(t.app, {
    questions: [{ id: 'company', label: 'Company', type: 'text', required: false }],
  });
  const deep = await host.client.post('/api/meetings/types', {
    title: 'Deep dive',
    slug: 'deep',
    durationMinutes: 60,
    minimumNoticeMinutes: 0,
    questions: [{ id: 'agree', label: 'Agree to terms', type: 'checkbox', required: false }],
  });
  expect(deep.status).toBe(201);
  const book = async (start: string, name: string, email: string, extra: Record<string, unknown> = {}) => {
    const res = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, start, { invitee: { name, email }, ...extra }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.booking.uid as string;
  };
  const uids = {
    underscore: await book(at(day, '09:00'), 'Ann_Smith', 'ann@example.com', {
      answers: { company: 'Acme, "the best"' },
    }),
    plain: await book(at(day, '10:00'), 'Annx Smith', 'annx@example.com'),
    percent: await book(at(day, '11:00'), '100% Real', 'real@example.com'),
    formula: await book(at(later, '09:00'), '=HYPERLINK("http://evil.test")', 'bob@EXAMPLE.com', {
      type: 'deep',
      answers: { agree: true },
      notes: '+1 line one\nline two',
    }),
  };
  await host.client.request('PATCH', `/api/meetings/bookings/${uids.plain}`, { action: 'cancel', reason: 'Ill' });
  return { host, uids };
}

describe('searching and filtering the host’s bookings', () => {
  it('finds by name or e-mail in any case, trimmed, taking wildcards literally', async () => {
    const { host, uids } = await hostWithBookings();
    const find = async (query: string) => {
      const res = await host.client.get(`/api/meetings/bookings?${query}`);
      expect(res.status, query).toBe(200);
      return (res.body.bookings as Listed[]).map((b) => b.uid);
    };
    expect(await find('q=ann_')).toEqual([uids.underscore]);
    expect(await find(`q=${encodeURIComponent('%')}`)).toEqual([uids.percent]);
    expect(await find(`q=${encodeURIComponent('  ANN  ')}`)).toEqual([uids.underscore, uids.plain]);
    expect(await find('q=example.COM')).toHaveLength(4);
    expect(await find(`q=${encodeURIComponent('\\')}`)).toEqual([]);
    expect(await find('q=nobody')).toEqual([]);

    expect(await find('type=deep')).toEqual([uids.formula]);
    const deepId = (await host.client.get('/api/meetings/types')).body.meetingTypes.find(
      (m: { slug: string }) => m.slug === 'deep',
    ).id;
    expect(await find(`type=${deepId}`)).toEqual([uids.formula]);
    expect(await find('type=intro&q=ann')).toEqual([uids.underscore, uids.plain]);
    expect(await find('type=unknown')).toEqual([]);

    expect(await find('status=cancelled')).toEqual([uids.plain]);
    expect(await find('status=cancelled,confirmed&q=ann')).toEqual([uids.underscore, uids.plain]);
    expect(await find(`from=${at(later, '00:00')}`)).toEqual([uids.formula]);
    expect(await find(`to=${at(day, '10:30')}&status=upcoming`)).toEqual([uids.underscore]);
  });

  it('answers one query for the bookings and one for all their reminders', async () => {
    const { host } = await hostWithBookings();
    const reminders = vi.spyOn(bookingsRepo, 'remindersOf');
    const res = await host.client.get('/api/meetings/bookings?q=a');
    expect(res.body.bookings.length).toBeGreaterThan(2);
    expect(reminders).toHaveBeenCalledTimes(1);
    reminders.mockRestore();
  });

  it('refuses bad filters with 422 naming the field', async () => {
    const { host } = await hostWithBookings();
    for (const [query, field] of [
      [`q=${'a'.repeat(201)}`, 'q'],
      ['status=upcoming,cancelled', 'status'],
      ['status=done', 'status'],
      ['from=yesterday', 'from'],
      ['format=xlsx', 'format'],
      [`type=${'t'.repeat(65)}`, 'type'],
    ] as const) {
      const res = await host.client.get(`/api/meetings/bookings?${query}`);
      expect(res.status, query).toBe(422);
      expect(Object.keys(res.body.error.details.fields), query).toContain(field);
    }
    expect((await new TestClient(t.app).get('/api/meetings/bookings?format=csv')).status).toBe(401);
  });
});

/** The rows of a CSV answer as a reader sees them: fields split on commas outside quotes, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r')) field += c;
    else {
      row.push(field);
      field = '';
      if (c === '\r') {
        rows.push(row);
        row = [];
        i++;
      }
    }
  }
  return rows;
}

describe('the CSV export', () => {
  it('answers text/csv with a header, a row per booking, quoted and defused cells, and no tokens', async () => {
    const { host, uids } = await hostWithBookings();
    const res = await host.client.get('/api/meetings/bookings?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bookings-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['x-rows-truncated']).toBeUndefined();
    const text = res.body as string;
    expect(text).not.toMatch(/token|\/booking\//);
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header!.slice(0, 4)).toEqual(['uid', 'status', 'reschedule_requested_at', 'start']);
    expect(header!.slice(-2)).toEqual(['answer: Company', 'answer: Agree to terms']);
    expect(rows.map((r) => r[0])).toEqual([uids.underscore, uids.plain, uids.percent, uids.formula]);
    const column = (name: string) => header!.indexOf(name);
    const formula = rows[3]!;
    expect(formula[column('invitee_name')]).toBe(`'=HYPERLINK("http://evil.test")`);
    expect(formula[column('notes')]).toBe("'+1 line one\nline two");
    expect(formula[column('answer: Agree to terms')]).toBe('yes');
    expect(formula[column('meeting_type_slug')]).toBe('deep');
    expect(rows[0]![column('answer: Company')]).toBe('Acme, "the best"');
    expect(rows[1]![column('status')]).toBe('cancelled');
    expect(rows[1]![column('cancel_reason')]).toBe('Ill');

    const filtered = await host.client.get('/api/meetings/bookings?format=csv&type=deep&status=confirmed');
    expect(parseCsv(filtered.body as string)).toHaveLength(2);
  });

  it(`stops at ${10_000} rows and says so`, async () => {
    const host = await hostWithType(t.app);
    const { rows } = await t.db.executeSql(`select org_id, host_user_id from meeting_types where id = $1`, [
      host.type.id,
    ]);
    const { host_user_id: userId, org_id: orgId } = rows[0] as { host_user_id: string; org_id: string };
    // Cancelled bookings hold no time, so ten thousand and one of them need no free slots.
    await t.db.executeSql(
      `insert into meeting_bookings (org_id, meeting_type_id, host_user_id, status, start_at, end_at, time_zone,
         invitee_name, invitee_email, location)
       select $1, $2, $3, 'cancelled', now() + make_interval(mins => 30 * n), now() + make_interval(mins => 30 * n + 30),
         'UTC', 'Bulk ' || n, 'bulk' || n || '@example.com', '{"type":"none"}'
       from generate_series(1, 10001) as n`,
      [orgId, host.type.id, userId],
    );
    const res = await host.client.get('/api/meetings/bookings?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['x-rows-truncated']).toBe('true');
    const lines = (res.body as string).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(10_001);
    expect(lines[1]).toContain('Bulk 1,');
    // The list answers a page at a time, with the cursor of the next.
    const list = await host.client.get('/api/meetings/bookings?status=cancelled');
    expect(list.body.bookings).toHaveLength(50);
    expect(list.body.next).toEqual(expect.any(String));
  });
});
