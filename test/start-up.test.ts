import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from './helpers/net.js';

// What /api/health promises on a fresh data directory (docs/decisions/0014): once it is green the app serves,
// the demo host is there, and a job sent at once (a password reset's) is worked, although the job queue starts
// only after the server answers.
let server: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-start-up-'));
afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('serves the demo host and works a job sent the moment health is green', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  const [demoType, reset] = await Promise.all([
    fetch(`${base}/api/public/users/demo/types/intro`),
    fetch(`${base}/api/auth/password/forgot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@tuskhub.local' }),
    }),
  ]);
  expect(demoType.status).toBe(200);
  expect(reset.status).toBe(202);

  // The reset job looks the address up and records the e-mail; without SMTP_URL the outbox is the mailbox.
  for (;;) {
    const { messages } = (await fetch(`${base}/api/dev/outbox`).then((r) => r.json())) as {
      messages: { to: string; subject: string }[];
    };
    if (messages.some((m) => m.to === 'demo@tuskhub.local' && /reset/i.test(m.subject))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);
