import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookBenchSlot, createHost } from '../bench/lib/server.js';
import { createTestDb, type TestDb } from './helpers/db.js';
import { freePort } from './helpers/net.js';
import { nextEvent } from './helpers/sse.js';

type LogLine = { level: number; msg: string; [key: string]: unknown };

/** The real server process (main.ts), with its JSON log lines readable by the test. */
async function startLoggedServer(env: Record<string, string>) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-outage-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of waiters.filter((x) => x.match(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logged = (match: (l: LogLine) => boolean) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = lines.find(match);
      if (seen) return resolve(seen);
      waiters.push({ match, resolve });
      void exited.then((code) => reject(new Error(`the server exited (${code}) before logging the line`)));
    });
  await Promise.race([
    logged((l) => l.msg.startsWith('TuskHub Meetings is ready')),
    exited.then((code) => Promise.reject(new Error(`the server exited with ${code}`))),
  ]);
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    logged,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const olive = { name: 'Olive Outage', email: 'olive@example.com' };
const bookAt = (base: string, username: string, start: string) => bookBenchSlot(base, username, start, olive);

// PostgreSQL only: the outage is a real server refusing and dropping connections; PGlite runs inside the
// process and has no connection to lose.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a short database outage on a node without Redis', () => {
  let db: TestDb;
  let admin: pg.Client;
  let dbName: string;
  let server: Awaited<ReturnType<typeof startLoggedServer>>;

  beforeAll(async () => {
    db = await createTestDb();
    dbName = new URL(db.url!).pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    // Without Redis the realtime bus rides on PostgreSQL LISTEN, the connection this outage takes away.
    server = await startLoggedServer({ DATABASE_URL: db.url!, REDIS_URL: '', LOG_LEVEL: 'info' });
  });

  afterAll(async () => {
    await admin?.query(`alter database ${dbName} allow_connections true`);
    await server?.stop();
    await admin?.end();
    await db?.destroy();
  });

  it('answers 503 meanwhile, survives, and delivers realtime updates again afterwards', async () => {
    const { username } = await createHost(server.base, `outage${Date.now().toString(36)}`);
    const day = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 2 * 86_400_000;
    const slot = (hour: number) => new Date(day + hour * 3_600_000).toISOString();

    await admin.query(`alter database ${dbName} allow_connections false`);
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    await server.logged((l) => l.msg === 'lost the database connection that listens for notifications');

    const during = await bookAt(server.base, username, slot(9));
    expect(during.status).toBe(503);
    expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe('service_unavailable');
    // At least one reconnect has failed (and was logged) while the database was away.
    await server.logged((l) => l.msg === 'could not reconnect to listen for notifications');

    await admin.query(`alter database ${dbName} allow_connections true`);
    await server.logged((l) => l.msg === 'listening for notifications again');
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.base}/api/health`)).status).toBe(200);

    // The slot stream's updates travel through the re-opened LISTEN connection.
    const controller = new AbortController();
    const stream = await fetch(`${server.base}/api/meetings/slots/stream?user=${username}&type=bench`, {
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    const booked = nextEvent(stream.body!, (event, data) => event === 'slots' && (data as any).reason === 'booked');
    const after = await bookAt(server.base, username, slot(10));
    expect(after.status).toBe(201);
    expect((await booked).data).toMatchObject({ reason: 'booked', start: slot(10) });
    controller.abort();
  }, 90_000);
});
