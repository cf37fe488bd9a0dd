import type { FastifyInstance } from 'fastify';
import { signedUpClient } from './app.js';

const DAY = 86_400_000;

/** Midnight UTC `days` days from now: far enough ahead for any notice the tests use. */
export function utcDay(days: number): Date {
  const d = new Date(Date.now() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export const at = (day: Date, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(day.getTime() + (h! * 60 + m!) * 60_000).toISOString();
};

/** A host working 09:00–17:00 UTC every day, with one 30-minute meeting type bookable without notice. */
export async function hostWithType(app: FastifyInstance, typeOverrides: Record<string, unknown> = {}) {
  const host = await signedUpClient(app, { timeZone: 'UTC' });
  const availability = await host.client.request('PUT', '/api/meetings/availability', {
    timeZone: 'UTC',
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    overrides: [],
  });
  if (availability.status !== 200) throw new Error(JSON.stringify(availability.body));
  const type = await host.client.post('/api/meetings/types', {
    title: 'Intro call',
    slug: 'intro',
    durationMinutes: 30,
    minimumNoticeMinutes: 0,
    ...typeOverrides,
  });
  if (type.status !== 201) throw new Error(JSON.stringify(type.body));
  return { ...host, type: type.body.meetingType };
}

export function bookingBody(username: string, start: string, overrides: Record<string, unknown> = {}) {
  return {
    user: username,
    type: 'intro',
    start,
    timeZone: 'America/New_York',
    invitee: { name: 'Ivy Invitee', email: 'ivy@example.com' },
    ...overrides,
  };
}
