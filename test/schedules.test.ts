import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotTopic } from '../src/modules/scheduling/slot-events.js';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const hours = (start: string, end: string) => ({
  timeZone: 'UTC',
  weekly: EVERY_DAY.map((weekday) => ({ weekday, start, end })),
  overrides: [],
});
const evenings = { name: 'Evenings', ...hours('18:00', '21:00') };

async function schedules(client: TestClient) {
  const res = await client.get('/api/meetings/schedules');
  expect(res.status).toBe(200);
  return res.body.schedules as { id: string; name: string; isDefault: boolean; meetingTypeCount: number }[];
}

async function slotStarts(username: string, type: string, day: Date) {
  const query = new URLSearchParams({ user: username, type, from: day.toISOString(), to: at(day, '24:00') });
  const res = await new TestClient(t.app).get(`/api/meetings/slots?${query.toString()}`);
  expect(res.status).toBe(200);
  return (res.body.slots as { start: string }[]).map((s) => s.start.slice(11, 16));
}

/** Resolves with the host's next `slots` event. */
function nextSlotsEvent(userId: string) {
  return new Promise<unknown>((resolve) => {
    const stop = t.services.bus.subscribe(slotTopic(userId), (payload) => {
      stop();
      resolve(payload);
    });
  });
}

describe('schedules', () => {
  it('start with the default hours as "Working hours", which the contract availability routes read and write', async () => {
    const { client } = await signedUpClient(t.app, { timeZone: 'Europe/Berlin' });
    const [first, ...rest] = await schedules(client);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      name: 'Working hours',
      isDefault: true,
      timeZone: 'Europe/Berlin',
      // The starter meeting type every new host gets follows the default.
      meetingTypeCount: 1,
    });
    expect((await schedules(client))[0]!.id).toBe(first!.id);

    const availability = await client.get('/api/meetings/availability');
    expect(Object.keys(availability.body).sort()).toEqual(['overrides', 'timeZone', 'weekly']);
    expect(availability.body.weekly).toEqual((first as any).weekly);

    const put = await client.request('PUT', '/api/meetings/availability', hours('08:00', '12:00'));
    expect(put.status).toBe(200);
    expect(put.body).toEqual(hours('08:00', '12:00'));
    const [after] = await schedules(client);
    expect(after).toMatchObject({ id: first!.id, name: 'Working hours', ...hours('08:00', '12:00') });
  });

  it('make the first one created the default when the host has none yet', async () => {
    const { client } = await signedUpClient(t.app);
    const res = await client.post('/api/meetings/schedules', evenings);
    expect(res.status).toBe(201);
    expect(res.body.schedule).toMatchObject({ name: 'Evenings', isDefault: true });
    expect((await client.get('/api/meetings/availability')).body).toEqual(hours('18:00', '21:00'));
  });

  it('are created, read, replaced, renamed and deleted; names are unique whatever their case', async () => {
    const { client } = await signedUpClient(t.app);
    await schedules(client);
    const created = await client.post('/api/meetings/schedules', evenings);
    expect(created.status).toBe(201);
    const id = created.body.schedule.id;
    expect(created.body.schedule).toEqual({ id, isDefault: false, meetingTypeCount: 0, ...evenings });

    expect((await client.get(`/api/meetings/schedules/${id}`)).body.schedule.name).toBe('Evenings');
    const replaced = await client.request('PUT', `/api/meetings/schedules/${id}`, {
      name: 'Late',
      ...hours('22:00', '02:00'),
      weekly: [{ weekday: 5, start: '22:00', end: '02:00', endsNextDay: true }],
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.schedule).toMatchObject({
      name: 'Late',
      weekly: [{ weekday: 5, start: '22:00', end: '02:00', endsNextDay: true }],
    });
    const renamed = await client.request('PATCH', `/api/meetings/schedules/${id}`, { name: '  Evenings  ' });
    expect(renamed.body.schedule).toMatchObject({ name: 'Evenings', weekly: [{ weekday: 5, start: '22:00' }] });

    const twin = await client.post('/api/meetings/schedules', { ...evenings, name: 'EVENINGS' });
    expect(twin.status).toBe(409);
    expect(twin.body.error).toMatchObject({
      code: 'schedule_name_taken',
      details: { fields: { name: 'Already used.' } },
    });
    const clash = await client.request('PATCH', `/api/meetings/schedules/${(await schedules(client))[0]!.id}`, {
      name: 'evenings',
    });
    expect(clash.status).toBe(409);

    const removed = await client.request('DELETE', `/api/meetings/schedules/${id}`);
    expect(removed.body).toEqual({ ok: true, movedMeetingTypes: 0 });
    expect((await client.get(`/api/meetings/schedules/${id}`)).status).toBe(404);
  });

  it('refuse bad input with 422 naming the field, and change nothing', async () => {
    const { client } = await signedUpClient(t.app);
    const [working] = await schedules(client);
    const bad = await client.post('/api/meetings/schedules', {
      name: ' ',
      timeZone: 'Mars/Olympus',
      weekly: [{ weekday: 8, start: '9:00', end: '17:00' }],
      overrides: [],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(
      ['name', 'timeZone', 'weekly.0.start', 'weekly.0.weekday'].sort(),
    );
    const overlap = await client.request('PATCH', `/api/meetings/schedules/${working!.id}`, {
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ],
    });
    expect(overlap.status).toBe(422);
    expect(Object.keys(overlap.body.error.details.fields)).toEqual(['weekly']);
    const undefault = await client.request('PATCH', `/api/meetings/schedules/${working!.id}`, { isDefault: false });
    expect(undefault.status).toBe(422);
    expect(undefault.body.error.details.fields).toEqual({ isDefault: 'Make another schedule the default instead.' });
    expect((await client.request('PATCH', `/api/meetings/schedules/${working!.id}`, {})).status).toBe(422);
    expect(await schedules(client)).toEqual([working]);
  });

  it('belong to their host: another host’s id is not found', async () => {
    const owner = await signedUpClient(t.app);
    const [theirs] = await schedules(owner.client);
    const { client } = await signedUpClient(t.app);
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) {
      const body = method === 'PUT' ? evenings : method === 'PATCH' ? { name: 'Mine' } : undefined;
      expect((await client.request(method, `/api/meetings/schedules/${theirs!.id}`, body)).status).toBe(404);
    }
    expect((await schedules(owner.client))[0]).toEqual(theirs);
  });

  it('hand the default over in one step, also when two requests race for it', async () => {
    const { client, user } = await signedUpClient(t.app);
    const [working] = await schedules(client);
    const a = (await client.post('/api/meetings/schedules', evenings)).body.schedule;
    const b = (await client.post('/api/meetings/schedules', { name: 'Mornings', ...hours('06:00', '09:00') })).body
      .schedule;

    const published = nextSlotsEvent(user.id);
    const flipped = await client.request('PATCH', `/api/meetings/schedules/${a.id}`, { isDefault: true });
    expect(flipped.body.schedule).toMatchObject({ id: a.id, isDefault: true });
    await published;
    expect((await client.get('/api/meetings/availability')).body).toEqual(hours('18:00', '21:00'));
    expect((await schedules(client)).map((s) => [s.name, s.isDefault])).toEqual([
      ['Evenings', true],
      ['Mornings', false],
      ['Working hours', false],
    ]);

    const race = await Promise.all(
      [working!.id, b.id].map((id) => client.request('PATCH', `/api/meetings/schedules/${id}`, { isDefault: true })),
    );
    for (const res of race) expect([200, 409]).toContain(res.status);
    const defaults = (await schedules(client)).filter((s) => s.isDefault);
    expect(defaults).toHaveLength(1);
    expect([working!.id, b.id]).toContain(defaults[0]!.id);
  });

  it('keep the default while others exist, and the last one always; deleting one moves its types to the default', async () => {
    const { client } = await signedUpClient(t.app);
    const [working] = await schedules(client);
    const last = await client.request('DELETE', `/api/meetings/schedules/${working!.id}`);
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('last_schedule');

    const extra = (await client.post('/api/meetings/schedules', evenings)).body.schedule;
    const isDefault = await client.request('DELETE', `/api/meetings/schedules/${working!.id}`);
    expect(isDefault.status).toBe(409);
    expect(isDefault.body.error.code).toBe('schedule_is_default');

    const typeIds: string[] = [];
    for (const slug of ['one', 'two', 'three']) {
      const scheduleId = slug === 'three' ? null : extra.id;
      const res = await client.post('/api/meetings/types', { title: slug, slug, durationMinutes: 30, scheduleId });
      expect(res.body.meetingType.scheduleId).toBe(scheduleId);
      typeIds.push(res.body.meetingType.id);
    }
    // Beside 'three', the starter meeting type every new host gets follows the default.
    expect((await schedules(client)).map((s) => [s.name, s.meetingTypeCount])).toEqual([
      ['Working hours', 2],
      ['Evenings', 2],
    ]);
    const removed = await client.request('DELETE', `/api/meetings/schedules/${extra.id}`);
    expect(removed.body).toEqual({ ok: true, movedMeetingTypes: 2 });
    const types = (await client.get('/api/meetings/types')).body.meetingTypes;
    expect(types.map((m: any) => m.scheduleId)).toEqual([null, null, null, null]);
    expect((await schedules(client)).map((s) => s.meetingTypeCount)).toEqual([4]);
  });

  it('are at most 20 per host, also when many are created at once', async () => {
    const { client } = await signedUpClient(t.app);
    await schedules(client);
    // One CSRF token for the burst: requests that each fetched their own would replace one another's cookie.
    await client.csrf();
    const answers = await Promise.all(
      Array.from({ length: 22 }, (_, n) => client.post('/api/meetings/schedules', { ...evenings, name: `Shift ${n}` })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(19);
    const refused = answers.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.body.error.code)).toEqual(['schedule_limit', 'schedule_limit', 'schedule_limit']);
    expect(await schedules(client)).toHaveLength(20);
  });
});

describe('a meeting type on its own schedule', () => {
  it('offers and books that schedule’s hours, and follows its changes', async () => {
    const host = await hostWithType(t.app);
    const evening = (await host.client.post('/api/meetings/schedules', evenings)).body.schedule;
    const late = await host.client.post('/api/meetings/types', {
      title: 'Late call',
      slug: 'late',
      durationMinutes: 30,
      minimumNoticeMinutes: 0,
      scheduleId: evening.id,
    });
    expect(late.status).toBe(201);
    const day = utcDay(3);
    const username = host.user.username;
    expect(await slotStarts(username, 'late', day)).toEqual(['18:00', '18:30', '19:00', '19:30', '20:00', '20:30']);
    expect((await slotStarts(username, 'intro', day))[0]).toBe('09:00');

    const morning = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(username, at(day, '10:00'), { type: 'late' }),
    );
    expect(morning.status).toBe(422);
    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(username, at(day, '19:00'), { type: 'late' }),
    );
    expect(booked.status).toBe(201);
    expect(await slotStarts(username, 'late', day)).toEqual(['18:00', '18:30', '19:30', '20:00', '20:30']);

    const published = nextSlotsEvent(host.user.id);
    const edited = await host.client.request('PATCH', `/api/meetings/schedules/${evening.id}`, {
      weekly: [{ weekday: day.getUTCDay() || 7, start: '20:00', end: '21:00' }],
    });
    expect(edited.status).toBe(200);
    expect(await published).toEqual({ reason: 'changed' });
    expect(await slotStarts(username, 'late', day)).toEqual(['20:00', '20:30']);
    expect((await slotStarts(username, 'intro', day))[0]).toBe('09:00');

    // Back on the default: the type follows the host's default hours again.
    await host.client.request('PATCH', `/api/meetings/types/${late.body.meetingType.id}`, { scheduleId: null });
    expect((await slotStarts(username, 'late', day))[0]).toBe('09:00');
  });

  it('may only name one of its host’s schedules (422 scheduleId)', async () => {
    const other = await signedUpClient(t.app);
    const [theirs] = await schedules(other.client);
    const { client } = await signedUpClient(t.app);
    for (const scheduleId of [theirs!.id, '00000000-0000-4000-8000-000000000000', 'evenings']) {
      const res = await client.post('/api/meetings/types', { title: 'X', slug: 'x', durationMinutes: 30, scheduleId });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['scheduleId']);
    }
    const type = (await client.post('/api/meetings/types', { title: 'X', slug: 'x', durationMinutes: 30 })).body
      .meetingType;
    const patch = await client.request('PATCH', `/api/meetings/types/${type.id}`, { scheduleId: theirs!.id });
    expect(patch.status).toBe(422);
    expect(patch.body.error.details.fields).toEqual({ scheduleId: 'Choose one of your schedules.' });
    expect((await client.get(`/api/meetings/types/${type.id}`)).body.meetingType.scheduleId).toBeNull();
  });
});
