// Time from process start to the first healthy /api/health answer, on a fresh and on an existing DATA_DIR,
// and the resident memory of the server once healthy; also `npm start` as a whole (web build included) on a
// fresh DATA_DIR, which is what the README promises. Prints one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = [process.execPath, '--import', 'tsx', 'src/server/main.ts'];
const NPM_START = ['npm', 'start', '--silent'];

async function startOnce(dataDir: string, [command, ...args]: string[] = SERVER) {
  // A port of its own per start: a previous server's process tree may still be shutting down.
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const started = performance.now();
  const child = spawn(command!, args, {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const ms = performance.now() - started;
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return { ms: Math.round(ms), rssMb: Math.round(rssKb / 1024) };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-bench-startup-'));
const npmDataDir = mkdtempSync(join(tmpdir(), 'tuskhub-bench-npm-start-'));
try {
  const fresh = await startOnce(dataDir);
  const existing = await startOnce(dataDir);
  const npmStart = await startOnce(npmDataDir, NPM_START);
  console.log(
    JSON.stringify({
      bench: 'startup',
      db: 'pglite',
      freshDataDirMs: fresh.ms,
      existingDataDirMs: existing.ms,
      freshRssMb: fresh.rssMb,
      existingRssMb: existing.rssMb,
      npmStartFreshMs: npmStart.ms,
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(npmDataDir, { recursive: true, force: true });
}
