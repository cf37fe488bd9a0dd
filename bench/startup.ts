// Time from process start to the first healthy /api/health answer, on a fresh and on an existing DATA_DIR, and
// the resident memory of the server once healthy; also `npm start` as a whole (web build included) on a fresh
// DATA_DIR, which is what the README promises, and the production build (`npm run build`, then what `npm run
// serve` runs) on a fresh and an existing DATA_DIR. Each start also reports when its job queue had started
// (jobsMs, after health: see docs/decisions/0014) and the server's own timeline (phasesMs: when each part of the
// start was done, in ms since that process began; parts overlap). Prints one JSON line.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/helpers/net.js';

const SERVER = [process.execPath, '--import', 'tsx', 'src/server/main.ts'];
const NPM_START = ['npm', 'start', '--silent'];
const PRODUCTION = [process.execPath, 'dist/server/server/main.js'];
const PRODUCTION_ENV = { NODE_ENV: 'production', APP_SECRET: 'b'.repeat(64) };

type Start = { ms: number; jobsMs: number; rssMb: number; phasesMs: Record<string, number> | undefined };

async function startOnce(
  dataDir: string,
  [command, ...args]: string[] = SERVER,
  env: Record<string, string> = {},
): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command!, args, {
    // Info level, the default: the line saying the start is complete carries the server's timeline.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  // The line saying the start is complete (the queue has started); earlier versions logged no timeline.
  const ready = new Promise<{ at: number; phasesMs: Record<string, number> | undefined }>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"startupMs"')) return;
      const { phasesMs } = JSON.parse(line) as { phasesMs?: Record<string, number> };
      resolve({ at: performance.now(), phasesMs });
    });
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
    const { at, phasesMs } = await ready;
    return { ms: Math.round(ms), jobsMs: Math.round(at - started), rssMb: Math.round(rssKb / 1024), phasesMs };
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dirs = ['tsx', 'npm-start', 'production'].map((name) => mkdtempSync(join(tmpdir(), `tuskhub-bench-${name}-`)));
const [dataDir, npmDataDir, productionDataDir] = dirs as [string, string, string];
try {
  const fresh = await startOnce(dataDir);
  const existing = await startOnce(dataDir);
  const npmStart = await startOnce(npmDataDir, NPM_START);
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const productionFresh = await startOnce(productionDataDir, PRODUCTION, PRODUCTION_ENV);
  const productionExisting = await startOnce(productionDataDir, PRODUCTION, PRODUCTION_ENV);
  console.log(
    JSON.stringify({
      bench: 'startup',
      db: 'pglite',
      freshDataDirMs: fresh.ms,
      existingDataDirMs: existing.ms,
      freshRssMb: fresh.rssMb,
      existingRssMb: existing.rssMb,
      npmStartFreshMs: npmStart.ms,
      productionFreshDataDirMs: productionFresh.ms,
      productionExistingDataDirMs: productionExisting.ms,
      jobsMs: { fresh: fresh.jobsMs, existing: existing.jobsMs, productionExisting: productionExisting.jobsMs },
      phasesMs: { fresh: fresh.phasesMs, existing: existing.phasesMs, productionExisting: productionExisting.phasesMs },
    }),
  );
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
