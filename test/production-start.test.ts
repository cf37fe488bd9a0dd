import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './helpers/db.js';
import { freePort } from './helpers/net.js';

/**
 * The documented production start, as an operator runs it: `npm run build`, then `npm run serve` in a deployment
 * that has only the production dependencies. The deployment here is a folder with the build, package.json and a
 * node_modules holding links to just the packages `npm ci --omit=dev` would install, so an import of a dev
 * dependency (tsx, vite, …) at run time fails the start.
 */
const repo = resolve(import.meta.dirname, '..');
let deployment: string;
let server: ChildProcess | undefined;
let pg: TestDb | undefined;
let base: string;

type LockEntry = { dev?: boolean; devOptional?: boolean; link?: boolean };

function linkProductionPackages(into: string) {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Nested copies are found from their parent's real folder; only top-level packages need a link here.
    const top = /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path);
    if (!top || entry.dev || entry.devOptional) continue;
    const target = join(into, 'node_modules', top[1]!);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(repo, path), target, 'dir');
  }
}

beforeAll(async () => {
  deployment = mkdtempSync(join(tmpdir(), 'tuskhub-production-'));
  execFileSync('node', ['scripts/build.mjs', join(deployment, 'dist')], { cwd: repo, stdio: 'pipe' });
  copyFileSync(join(repo, 'package.json'), join(deployment, 'package.json'));
  linkProductionPackages(deployment);
  if (process.env.TEST_DATABASE_URL) pg = await createTestDb();

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn('npm', ['run', '--silent', 'serve'], {
    cwd: deployment,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: join(deployment, 'data'),
      LOG_LEVEL: 'warn',
      ...(pg?.url ? { DATABASE_URL: pg.url } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk) => (stderr += chunk));
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm run serve exited with ${server.exitCode}: ${stderr}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 600_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await pg?.destroy();
  rmSync(deployment, { recursive: true, force: true });
});

it('serves the built app and API with production dependencies only', async () => {
  const health = await fetch(`${base}/api/health`).then((r) => r.json());
  expect(health).toEqual({ ok: true, db: pg ? 'postgres' : 'pglite' });

  const page = await fetch(`${base}/demo/intro`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const asset = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'br' } });
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-encoding')).toBe('br');

  expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
});

it('keeps development-only features off', async () => {
  expect(await fetch(`${base}/api/dev/mailbox`).then((r) => r.json())).toEqual({ enabled: false });
  expect((await fetch(`${base}/api/dev/outbox`)).status).toBe(404);
  // No demo host with a password in the log: seeding is for development unless SEED_DEMO=true.
  expect((await fetch(`${base}/api/public/users/demo`)).status).toBe(404);
});
