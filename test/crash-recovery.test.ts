import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bookBenchSlot, createHost, startServer } from '../bench/lib/server.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { startSmtpServer } from './helpers/smtp.js';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let pg: TestDb | undefined;
beforeAll(async () => {
  smtp = await startSmtpServer();
  if (process.env.TEST_DATABASE_URL) pg = await createTestDb();
});
afterAll(async () => {
  await smtp.close();
  await pg?.destroy();
});

it('loses no e-mail when the process dies between the booking commit and the send', async () => {
  // The real server process, on the real services when CI provides them (REDIS_URL included: a start-up
  // with Redis once failed only there).
  const env = {
    SMTP_URL: smtp.url,
    ...(pg?.url ? { DATABASE_URL: pg.url } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
  };
  // A web-only node commits the booking and its outbox rows but never sends them; then it is killed.
  const web = await startServer({ ...env, ROLE: 'web' });
  let restarted: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const { username } = await createHost(web.base, `crash${Date.now().toString(36)}`);
    const start = new Date(Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000).toISOString();
    const res = await bookBenchSlot(web.base, username, start, { name: 'Crash', email: 'crash@example.com' });
    expect(res.status).toBe(201);
    await web.kill();
    expect(smtp.messages).toHaveLength(0);

    restarted = await startServer(env, web.dataDir);
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'Confirmed: Bench with Bench Host',
      'New booking: Bench with Crash',
    ]);
  } finally {
    await restarted?.stop();
    rmSync(web.dataDir, { recursive: true, force: true });
  }
}, 90_000);
