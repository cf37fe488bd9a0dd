// Starts the real server in a child process (so load generation does not share its event loop) and a host
// with a bookable meeting type. DATABASE_URL, if set, is passed through; otherwise a fresh PGlite DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BenchServer = {
  base: string;
  child: ChildProcess;
  dataDir: string;
  stop(): Promise<void>;
  kill(): Promise<void>;
};

/**
 * `dataDir` reuses a data directory (a restart); otherwise a fresh one is made and removed on stop. `stdout: 'pipe'`
 * hands the server's log to the caller (child.stdout), which must then read it.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  reuseDataDir?: string,
  options: { stdout?: 'pipe' | 'ignore' } = {},
): Promise<BenchServer> {
  // Below Linux's ephemeral range (32768–60999): a random pick there can be an outgoing connection's port
  // (a loaded CI run failed so), and a bench holding thousands of client sockets often had taken it already.
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  const dataDir = reuseDataDir ?? mkdtempSync(join(tmpdir(), 'tuskhub-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'true',
      ...extraEnv,
    },
    stdio: ['ignore', options.stdout ?? 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((r) => child.once('exit', r));
  return {
    base,
    child,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      if (!reuseDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    /** A crash: no shutdown hooks run. */
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

let ipCounter = 0;
/** Each simulated visitor comes from its own address (via the trusted proxy header), as real traffic does. */
export const visitorHeaders = () => ({
  'x-forwarded-for': `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`,
});

export async function createHost(base: string, username: string, typeOverrides: Record<string, unknown> = {}) {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...visitorHeaders() },
    body: JSON.stringify({
      email: `${username}@example.com`,
      password: 'bench password 1',
      name: 'Bench Host',
      username,
      timeZone: 'UTC',
    }),
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const keyRes = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const csrfCookie = keyRes.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = (await keyRes.json()) as { token: string };
  const headers = { 'content-type': 'application/json', cookie: `${cookie}; ${csrfCookie}`, 'x-csrf-token': token };
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  await call('PUT', '/api/meetings/availability', {
    timeZone: 'UTC',
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    overrides: [],
  });
  const created = await call('POST', '/api/meetings/types', {
    title: 'Bench',
    slug: 'bench',
    durationMinutes: 15,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 730,
    reminderOffsetsMinutes: [],
    ...typeOverrides,
  });
  return { username, headers, typeId: (created as { meetingType: { id: string } }).meetingType.id };
}

/**
 * Books `start` on the host's "bench" meeting type, as an anonymous invitee's browser would; each call comes
 * from its own visitor address, so the per-address booking limits stay out of the figures.
 */
export const bookBenchSlot = (
  base: string,
  username: string,
  start: string,
  invitee: { name: string; email: string },
) =>
  fetch(`${base}/api/meetings/book`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...visitorHeaders() },
    body: JSON.stringify({ user: username, type: 'bench', start, timeZone: 'UTC', invitee }),
  });

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
