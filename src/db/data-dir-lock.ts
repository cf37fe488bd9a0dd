import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

type Holder = { pid: number; host: string; since: string };

/** Another live process has the PGlite database open; opening it too would corrupt it. */
export class DataDirInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: Holder,
  ) {
    super(
      `The database in ${lockFile.replace(/\/pglite\.lock$/, '')} is in use by process ${holder.pid} (since ${holder.since}), ` +
        'most likely the running server. The embedded database (PGlite) allows one process at a time: stop that ' +
        'process and try again, or run the server on PostgreSQL (DATABASE_URL) to do both at once. If no such ' +
        `process is running, delete ${lockFile}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * PGlite has no lock of its own: two processes on one data directory would both write to it and corrupt it (the
 * server and the admin CLI, or two servers). The first one records its pid in DATA_DIR/pglite.lock; any other is
 * refused while that process lives. A lock left by a process that died (killed, crashed) is taken over. Answers
 * the function that gives the lock back; it is also given back when the process exits.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'pglite.lock');
  const mine: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written aside and linked into place: the lock appears with its content, and only one process can link it.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
        const holder = readHolder(file);
        if (holder && isAlive(holder.pid)) throw new DataDirInUseError(file, holder);
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    rmSync(file, { force: true });
  };
  process.on('exit', release);
  return release;
}

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a process with this pid runs here. Our own pid in the file is a lock left by an earlier life of this
 * container, whose server had the same pid as we do now.
 */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
