import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedUpClient, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('meeting types', () => {
  it('creates with sensible defaults, reads, changes and deletes', async () => {
    const { client } = await signedUpClient(t.app);
    const created = await client.post('/api/meetings/types', {
      title: 'Intro call',
      slug: 'intro',
      durationMinutes: 30,
    });
    expect(created.status).toBe(201);
    const type = created.body.meetingType;
    expect(type).toMatchObject({
      title: 'Intro call',
      slug: 'intro',
      kind: 'quick',
      durationMinutes: 30,
      slotIntervalMinutes: null,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      minimumNoticeMinutes: 240,
      bookingWindowDays: 60,
      maxBookingsPerDay: null,
      requiresConfirmation: false,
      location: { type: 'jitsi' },
      questions: [],
      reminderOffsetsMinutes: [1440, 60],
      isActive: true,
      isSecret: false,
    });

    const patched = await client.request('PATCH', `/api/meetings/types/${type.id}`, {
      durationMinutes: 45,
      questions: [{ id: 'topic', label: 'What about?', type: 'select', required: true, options: ['Sales', 'Support'] }],
      location: { type: 'phone', value: '+44 20 7946 0000' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.meetingType).toMatchObject({
      durationMinutes: 45,
      title: 'Intro call',
      location: { type: 'phone', value: '+44 20 7946 0000' },
    });

    expect((await client.get(`/api/meetings/types/${type.id}`)).body.meetingType.durationMinutes).toBe(45);
    // Beside the starter type every new host gets.
    expect((await client.get('/api/meetings/types')).body.meetingTypes).toHaveLength(2);
    expect((await client.request('DELETE', `/api/meetings/types/${type.id}`)).status).toBe(200);
    expect((await client.get(`/api/meetings/types/${type.id}`)).status).toBe(404);
  });

  it('validates every field with 422 naming it', async () => {
    const { client } = await signedUpClient(t.app);
    const res = await client.post('/api/meetings/types', {
      title: '',
      slug: 'Not A Slug',
      durationMinutes: 3,
      bufferAfterMinutes: -5,
      bookingWindowDays: 0,
      location: { type: 'in_person' },
      questions: [{ id: 'q', label: 'Pick', type: 'select', required: true }],
      reminderOffsetsMinutes: [60, 60],
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(
      [
        'bookingWindowDays',
        'bufferAfterMinutes',
        'durationMinutes',
        'location.value',
        'questions.0.options',
        'reminderOffsetsMinutes',
        'slug',
        'title',
      ].sort(),
    );
    expect(
      (await client.post('/api/meetings/types', { title: 'Long', slug: 'long', durationMinutes: 721 })).status,
    ).toBe(422);
    expect((await client.request('PATCH', '/api/meetings/types/00000000-0000-4000-8000-000000000000', {})).status).toBe(
      422,
    );
  });

  it('keeps slugs unique per host but not across hosts', async () => {
    const a = await signedUpClient(t.app);
    const b = await signedUpClient(t.app);
    expect(
      (await a.client.post('/api/meetings/types', { title: 'A', slug: 'intro', durationMinutes: 30 })).status,
    ).toBe(201);
    const again = await a.client.post('/api/meetings/types', { title: 'B', slug: 'intro', durationMinutes: 30 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slug_taken');
    expect(
      (await b.client.post('/api/meetings/types', { title: 'C', slug: 'intro', durationMinutes: 30 })).status,
    ).toBe(201);
  });

  it('hides one organization’s meeting types from another through the API', async () => {
    const a = await signedUpClient(t.app);
    const b = await signedUpClient(t.app);
    const type = (
      await a.client.post('/api/meetings/types', { title: 'Private', slug: 'private', durationMinutes: 30 })
    ).body.meetingType;
    const seenByB = (await b.client.get('/api/meetings/types')).body.meetingTypes;
    expect(seenByB.map((t: { slug: string }) => t.slug)).toEqual(['30min']);
    expect((await b.client.get(`/api/meetings/types/${type.id}`)).status).toBe(404);
    expect((await b.client.request('PATCH', `/api/meetings/types/${type.id}`, { title: 'Hijacked' })).status).toBe(404);
    expect((await b.client.request('DELETE', `/api/meetings/types/${type.id}`)).status).toBe(404);
    expect((await a.client.get(`/api/meetings/types/${type.id}`)).body.meetingType.title).toBe('Private');
  });
});

describe('availability', () => {
  it('defaults to weekdays 09:00–17:00 in the host’s zone and can be replaced', async () => {
    const { client } = await signedUpClient(t.app, { timeZone: 'Asia/Kolkata' });
    const initial = await client.get('/api/meetings/availability');
    expect(initial.body.timeZone).toBe('Asia/Kolkata');
    expect(initial.body.weekly).toHaveLength(5);
    expect(initial.body.weekly[0]).toEqual({ weekday: 1, start: '09:00', end: '17:00' });

    const next = {
      timeZone: 'America/New_York',
      weekly: [
        { weekday: 2, start: '13:00', end: '17:00' },
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 5, start: '22:00', end: '02:00', endsNextDay: true },
      ],
      overrides: [
        { date: '2030-12-25', intervals: [] },
        { date: '2030-12-24', intervals: [{ start: '10:00', end: '12:00' }] },
      ],
    };
    const put = await client.request('PUT', '/api/meetings/availability', next);
    expect(put.status).toBe(200);
    expect(put.body.weekly.map((w: { start: string }) => w.start)).toEqual(['08:00', '13:00', '22:00']);
    expect((await client.get('/api/meetings/availability')).body.overrides[0].date).toBe('2030-12-24');
  });

  it('rejects overlapping intervals, bad times and unknown zones with 422', async () => {
    const { client } = await signedUpClient(t.app);
    const bad = async (body: unknown) => (await client.request('PUT', '/api/meetings/availability', body)).status;
    expect(
      await bad({
        timeZone: 'UTC',
        weekly: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
        overrides: [],
      }),
    ).toBe(422);
    expect(await bad({ timeZone: 'UTC', weekly: [{ weekday: 8, start: '09:00', end: '12:00' }], overrides: [] })).toBe(
      422,
    );
    expect(await bad({ timeZone: 'UTC', weekly: [{ weekday: 1, start: '9:00', end: '12:00' }], overrides: [] })).toBe(
      422,
    );
    expect(await bad({ timeZone: 'UTC', weekly: [{ weekday: 1, start: '09:00', end: '09:00' }], overrides: [] })).toBe(
      422,
    );
    expect(await bad({ timeZone: 'Moon/Base', weekly: [], overrides: [] })).toBe(422);
    expect(await bad({ timeZone: 'UTC', weekly: [], overrides: [{ date: '2030-02-30', intervals: [] }] })).toBe(422);
    expect(
      await bad({
        timeZone: 'UTC',
        weekly: [],
        overrides: [
          { date: '2030-02-03', intervals: [] },
          { date: '2030-02-03', intervals: [] },
        ],
      }),
    ).toBe(422);
  });
});
