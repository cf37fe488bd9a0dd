import { sql } from 'drizzle-orm';
import { randomToken } from '../lib/crypto.js';
import { meetingTypeCreateBody } from '../modules/scheduling/schemas.js';
import type { Services } from '../server/services.js';
import type { Database } from './client.js';
import { users } from './schema/index.js';

export const DEMO_EMAIL = 'demo@tuskhub.local';

/**
 * Creates the demo host, with weekday hours and two meeting types, on an empty database so a fresh clone has
 * a booking page to try. The password is random and shown once: a known default password would be a back door
 * on a forgotten self-hosted install.
 */
export async function seedDemoHost(
  db: Database,
  services: Services,
): Promise<{ email: string; password: string; bookingPage: string } | undefined> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return undefined;
  const password = randomToken(12);
  const { user, orgId } = await services.accounts.admin.createUser(
    { email: DEMO_EMAIL, name: 'Demo Host', username: 'demo', timeZone: 'Europe/London' },
    password,
    { starter: false },
  );
  const principal = { userId: user.id, orgId, via: 'session' as const };
  // Through the create schema, as the API does: what is not said takes the same defaults as there.
  await services.meetingTypes.create(
    principal,
    meetingTypeCreateBody.parse({
      title: '30-minute intro call',
      slug: 'intro',
      description: 'A short call to get to know each other.',
      durationMinutes: 30,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 120,
      questions: [{ id: 'topic', label: 'What would you like to talk about?', type: 'textarea', required: false }],
    }),
  );
  await services.meetingTypes.create(
    principal,
    meetingTypeCreateBody.parse({
      title: 'Contract review',
      slug: 'contract-review',
      description: 'An hour to go through your contract together. I confirm each request personally.',
      kind: 'business',
      durationMinutes: 60,
      slotIntervalMinutes: 30,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minimumNoticeMinutes: 1440,
      bookingWindowDays: 30,
      maxBookingsPerDay: 3,
      requiresConfirmation: true,
      questions: [{ id: 'company', label: 'Company', type: 'text', required: true }],
    }),
  );
  return { email: DEMO_EMAIL, password, bookingPage: '/demo/intro' };
}
