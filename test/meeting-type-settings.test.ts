import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { hostWithType, utcDay } from './helpers/scheduling.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patch = (client: TestClient, id: string, body: unknown) =>
  client.request('PATCH', `/api/meetings/types/${id}`, body);

describe('a meeting type’s colour', () => {
  it('defaults to none, is stored lowercase, and is refused unless "#rrggbb"', async () => {
    const { client, type } = await hostWithType(t.app);
    expect(type).toMatchObject({ color: null, redirectUrl: null, redirectWithDetails: false, scheduleId: null });
    expect((await patch(client, type.id, { color: '#0EA5E9' })).body.meetingType.color).toBe('#0ea5e9');
    for (const color of ['red', '#fff', '#12345g', '0ea5e9', '#0ea5e9ff', 12]) {
      const res = await patch(client, type.id, { color });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['color']);
    }
    expect((await patch(client, type.id, { color: null })).body.meetingType.color).toBeNull();
  });
});

describe('the redirect after booking', () => {
  it('takes web addresses only, up to 2000 characters, with a clear message', async () => {
    const { client, type } = await hostWithType(t.app);
    const url = 'https://example.com/thanks?from=tuskhub';
    const set = await patch(client, type.id, { redirectUrl: url, redirectWithDetails: true });
    expect(set.body.meetingType).toMatchObject({ redirectUrl: url, redirectWithDetails: true });

    for (const redirectUrl of [
      'javascript:alert(1)',
      'data:text/html,<p>hi</p>',
      '//example.com/thanks',
      'example.com/thanks',
      'ftp://example.com/file',
      '',
    ]) {
      const res = await patch(client, type.id, { redirectUrl });
      expect(res.status).toBe(422);
      expect(res.body.error.details.fields).toEqual({
        redirectUrl: 'Use a full web address starting with https:// or http://.',
      });
    }
    const long = await patch(client, type.id, { redirectUrl: `https://example.com/${'a'.repeat(2000)}` });
    expect(long.body.error.details.fields).toEqual({ redirectUrl: 'Use at most 2000 characters.' });
    expect((await client.get(`/api/meetings/types/${type.id}`)).body.meetingType.redirectUrl).toBe(url);
  });

  it('is on the public answer the booking page reads, with nothing of the host’s private settings', async () => {
    const { client, type, user } = await hostWithType(t.app);
    await patch(client, type.id, { redirectUrl: 'https://example.com/done', color: '#16a34a' });
    const page = await new TestClient(t.app).get(`/api/public/users/${user.username}/types/intro`);
    expect(page.status).toBe(200);
    expect(page.body.meetingType).toMatchObject({
      isActive: true,
      redirectUrl: 'https://example.com/done',
      redirectWithDetails: false,
    });
    for (const hidden of ['id', 'color', 'scheduleId', 'reminderOffsetsMinutes', 'isSecret'])
      expect(page.body.meetingType).not.toHaveProperty(hidden);
  });
});

describe('duplicating a meeting type', () => {
  it('copies every setting under "(copy)" and the next free slug, turned off', async () => {
    const { client, type } = await hostWithType(t.app, {
      questions: [{ id: 'topic', label: 'Topic', type: 'text', required: true }],
      color: '#9333ea',
      redirectUrl: 'https://example.com/thanks',
      reminderOffsetsMinutes: [30],
    });
    const first = await client.post(`/api/meetings/types/${type.id}/duplicate`);
    expect(first.status).toBe(201);
    const copy = first.body.meetingType;
    const { id: _i, title: _t, slug: _s, isActive: _a, createdAt: _c, updatedAt: _u, ...settings } = type;
    expect(copy).toMatchObject({ ...settings, title: 'Intro call (copy)', slug: 'intro-copy', isActive: false });
    expect(copy.id).not.toBe(type.id);

    const second = await client.post(`/api/meetings/types/${type.id}/duplicate`);
    expect(second.body.meetingType.slug).toBe('intro-copy-2');
    const ofCopy = await client.post(`/api/meetings/types/${copy.id}/duplicate`);
    expect(ofCopy.body.meetingType).toMatchObject({ title: 'Intro call (copy) (copy)', slug: 'intro-copy-copy' });
    // The three copies beside the original and the starter meeting type every new host gets.
    expect((await client.get('/api/meetings/types')).body.meetingTypes).toHaveLength(5);
  });

  it('picks distinct slugs when copies are made at once, and finds no other host’s type', async () => {
    const { client, type } = await hostWithType(t.app);
    await client.csrf();
    const copies = await Promise.all([1, 2, 3].map(() => client.post(`/api/meetings/types/${type.id}/duplicate`)));
    expect(copies.map((c) => c.status)).toEqual([201, 201, 201]);
    expect(copies.map((c) => c.body.meetingType.slug).sort()).toEqual(['intro-copy', 'intro-copy-2', 'intro-copy-3']);

    const stranger = await signedUpClient(t.app);
    expect((await stranger.client.post(`/api/meetings/types/${type.id}/duplicate`)).status).toBe(404);
    expect((await new TestClient(t.app).post(`/api/meetings/types/${type.id}/duplicate`)).status).toBe(401);
  });
});

describe('a type that is turned off', () => {
  it('shows its page and times to its signed-in host only, and still takes no booking', async () => {
    const { client, type, user } = await hostWithType(t.app);
    await patch(client, type.id, { isActive: false });
    const pagePath = `/api/public/users/${user.username}/types/intro`;
    const day = utcDay(3);
    const slotsPath = `/api/meetings/slots?${new URLSearchParams({
      user: user.username,
      type: 'intro',
      from: day.toISOString(),
      to: new Date(day.getTime() + 86_400_000).toISOString(),
    }).toString()}`;

    const visitor = new TestClient(t.app);
    expect((await visitor.get(pagePath)).status).toBe(404);
    expect((await visitor.get(slotsPath)).status).toBe(404);
    const otherHost = await signedUpClient(t.app);
    expect((await otherHost.client.get(pagePath)).status).toBe(404);
    expect((await otherHost.client.get(slotsPath)).status).toBe(404);

    const preview = await client.get(pagePath);
    expect(preview.status).toBe(200);
    expect(preview.body.meetingType.isActive).toBe(false);
    expect(preview.headers['cache-control']).toBe('private, no-store');
    expect((await client.get(slotsPath)).body.slots.length).toBeGreaterThan(0);
    // The profile lists the starter meeting type every new host gets, not the type that is off.
    const listed = (await client.get(`/api/public/users/${user.username}`)).body.meetingTypes;
    expect(listed.map((m: { slug: string }) => m.slug)).toEqual(['30min']);

    const slot = (await client.get(slotsPath)).body.slots[0].start;
    const book = await client.post('/api/meetings/book', {
      user: user.username,
      type: 'intro',
      start: slot,
      timeZone: 'UTC',
      invitee: { name: 'Ivy', email: 'ivy@example.com' },
    });
    expect(book.status).toBe(404);
  });
});
