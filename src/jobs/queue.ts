import { setImmediate as nextTurn } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import type { DbHandle } from '../db/client.js';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;
type Definition = { handler: JobHandler; options: PgBoss.Queue };

/**
 * The durable job queue (pg-boss in the same database, PGlite or PostgreSQL). Modules define their jobs before
 * start(); only worker processes (ROLE=worker|all) run them, every process can send them. pg-boss's row
 * locking (SKIP LOCKED) gives each job to one worker, however many run.
 */
export function createJobQueue(handle: DbHandle, options: { runWorkers: boolean; onError: (error: Error) => void }) {
  const definitions = new Map<string, Definition>();
  const schedules: [string, string][] = [];
  // pg-boss can send nothing before it has started (on PostgreSQL its pool is not open; on a fresh database its
  // tables and our queues do not exist yet), and the server answers before it starts (main.ts): a send made in
  // that moment waits for the start instead of failing or being dropped.
  let started: PgBoss | undefined;
  // PGlite answers within the same chain of promises, so pg-boss's runs of queries (its start alone is dozens)
  // would never give the event loop a turn: no request would be served until a run ends. One turn per query
  // lets requests in between, which is what starting the queue in the background after listen is for.
  // Queries waiting for their turn when pg-boss stops still run: stop() waits for them, so none reaches a
  // database its owner closes right after.
  const waiting = new Set<Promise<unknown>>();
  const pgliteExecuteSql = (text: string, values: unknown[]) => {
    const query = nextTurn().then(() => handle.executeSql(text, values));
    waiting.add(query);
    const done = () => waiting.delete(query);
    query.then(done, done);
    return query;
  };
  let reportStarted: (boss: PgBoss) => void;
  const whenStarted = new Promise<PgBoss>((resolve) => (reportStarted = resolve));

  return {
    /** Whether this process works jobs itself (ROLE=worker|all), so work it just queued can start here at once. */
    runsWorkers: options.runWorkers,

    define(name: string, handler: JobHandler, queueOptions: Omit<PgBoss.Queue, 'name'> = {}) {
      definitions.set(name, {
        handler,
        options: { name, retryLimit: 10, retryDelay: 5, retryBackoff: true, ...queueOptions },
      });
    },

    /** Runs `name` on a cron (minute granularity) on one worker at a time. */
    every(name: string, cron: string) {
      schedules.push([name, cron]);
    },

    /** Creates the queues and starts the workers; after a failure (database down) it may be called again. */
    async start() {
      // Loaded here, after the server answers: nothing before the start needs it.
      const { default: Boss } = await import('pg-boss');
      // A pg-boss instance whose start failed part-way refuses to start again: each attempt gets a new one.
      const boss = new Boss(
        handle.url ? { connectionString: handle.url, max: 4 } : { db: { executeSql: pgliteExecuteSql } },
      );
      boss.on('error', options.onError);
      try {
        await startOn(boss);
      } catch (error) {
        await boss.stop({ graceful: false }).catch(() => {});
        throw error;
      }
      started = boss;
      reportStarted(boss);
    },

    async send(name: string, data: Record<string, unknown>, sendOptions: PgBoss.SendOptions = {}) {
      return (started ?? (await whenStarted)).send(name, data, sendOptions);
    },

    stop: async () => {
      await started?.stop({ graceful: true, timeout: 5000 });
      await Promise.allSettled([...waiting]);
    },
  };

  async function startOn(instance: PgBoss) {
    // pg-boss makes each queue a partition of its job table. Nodes doing that at once deadlock (40P01), so the
    // start-up DDL (pg-boss's own queues in start(), then ours) runs one node at a time.
    await handle.exclusively('tuskhub:job-queues', async () => {
      await instance.start();
      for (const { options } of definitions.values()) {
        if (!(await instance.getQueue(options.name))) await instance.createQueue(options.name, options);
      }
    });
    if (!options.runWorkers) return;
    for (const [name, { handler }] of definitions) {
      await instance.work<Record<string, unknown>>(
        name,
        { pollingIntervalSeconds: 0.5, batchSize: 20 },
        async (jobs) => {
          await Promise.all(jobs.map((job) => handler(job.data)));
        },
      );
    }
    for (const [name, cron] of schedules) {
      await instance.schedule(name, cron);
      // Catch up at once on what a previous process left (unsent mail after a crash), not at the next minute.
      await instance.send(name, {});
    }
  }
}
export type JobQueue = ReturnType<typeof createJobQueue>;
