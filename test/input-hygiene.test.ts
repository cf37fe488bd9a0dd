import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, newAccount, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
let host: Awaited<ReturnType<typeof hostWithType>>;
beforeAll(async () => {
  t = await createTestApp();
  host = await hostWithType(t.app);
});
afterAll(() => t.close());

const NUL = '\u0000';
const day = utcDay(4);

function expectInvalid(res: { status: number; body: any }, field: string) {
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('validation_failed');
  expect(Object.keys(res.body.error.details.fields)).toContain(field);
}

const bookingsOfHost = async () => (await host.client.get('/api/meetings/bookings')).body.bookings as unknown[];

describe('a NUL character anywhere in the input', () => {
  it('is refused in a signup name, and no account is made', async () => {
    const account = newAccount();
    expectInvalid(await new TestClient(t.app).post('/api/auth/signup', { ...account, name: `Eve${NUL}` }), 'name');
    expect((await new TestClient(t.app).post('/api/auth/signup', account)).status).toBe(201);
  });

  it('is refused in an invitee name and in an answer key, and nothing is booked', async () => {
    const invitee = new TestClient(t.app);
    const start = at(day, '10:00');
    const withName = bookingBody(host.user.username, start, {
      invitee: { name: `Ivy${NUL}`, email: 'ivy@example.com' },
    });
    expectInvalid(await invitee.post('/api/meetings/book', withName), 'invitee.name');
    const withKey = bookingBody(host.user.username, start, { answers: { [`q${NUL}`]: 'x' } });
    expect((await invitee.post('/api/meetings/book', withKey)).status).toBe(422);
    expect(await bookingsOfHost()).toEqual([]);
  });

  it('is refused in a meeting type title, and no type is made', async () => {
    const res = await host.client.post('/api/meetings/types', {
      title: `Demo${NUL}`,
      slug: 'demo',
      durationMinutes: 30,
    });
    expectInvalid(res, 'title');
    const types = (await host.client.get('/api/meetings/types')).body.meetingTypes as { slug: string }[];
    // The host's own two (the starter type from sign-up and intro), and not the refused one.
    expect(types.map((type) => type.slug).sort()).toEqual(['30min', 'intro']);
  });

  it('is refused in a query parameter and a path parameter', async () => {
    const client = new TestClient(t.app);
    const query = new URLSearchParams({
      user: `a${NUL}b`,
      type: 'intro',
      from: at(day, '00:00'),
      to: at(day, '24:00'),
    });
    expectInvalid(await client.get(`/api/meetings/slots?${query.toString()}`), 'user');
    expectInvalid(await client.get(`/api/public/users/a%00b`), 'username');
  });
});

describe('instants far from now', () => {
  const slots = (from: string, to: string) =>
    new TestClient(t.app).get(
      `/api/meetings/slots?${new URLSearchParams({ user: host.user.username, type: 'intro', from, to })}`,
    );

  it('are refused on slots', async () => {
    expectInvalid(await slots('0001-01-01T00:00:00Z', '0001-01-02T00:00:00Z'), 'from');
    expectInvalid(await slots('9999-12-31T00:00:00Z', '9999-12-31T12:00:00Z'), 'from');
    const res = await slots('9999-12-30T00:00:00Z', '9999-12-31T00:00:00Z');
    expect(res.body.error.details.fields.to).toBe('Use a date between the years 2000 and 2200.');
  });

  it('are refused on booking, and nothing is booked', async () => {
    const invitee = new TestClient(t.app);
    for (const start of ['0001-01-01T00:00:00Z', '9999-12-31T00:00:00Z']) {
      expectInvalid(await invitee.post('/api/meetings/book', bookingBody(host.user.username, start)), 'start');
    }
    expect(await bookingsOfHost()).toEqual([]);
  });
});
