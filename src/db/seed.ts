import { sql } from 'drizzle-orm';
import { randomToken } from '../lib/crypto.js';
import type { IdentityService } from '../modules/identity/service.js';
import type { Database } from './client.js';
import { users } from './schema/index.js';

export const DEMO_EMAIL = 'demo@tuskhub.local';

/**
 * Creates the demo host on an empty database so a fresh clone has someone to log in as. The password is
 * random and shown once: a known default password would be a back door on a forgotten self-hosted install.
 */
export async function seedDemoHost(
  db: Database,
  identity: IdentityService,
): Promise<{ email: string; password: string } | undefined> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return undefined;
  const password = randomToken(12);
  await identity.signup(
    { email: DEMO_EMAIL, password, name: 'Demo Host', username: 'demo', timeZone: 'Europe/London' },
    { ip: '127.0.0.1', userAgent: 'seed' },
  );
  return { email: DEMO_EMAIL, password };
}
