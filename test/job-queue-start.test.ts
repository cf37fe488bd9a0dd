import { afterEach, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from '../src/jobs/queue.js';
import { createTestDb, type TestDb } from './helpers/db.js';

// The server answers before its job queue has started (main.ts starts it after listen): a request served in
// that moment, such as a password reset, sends its job to a queue that pg-boss has not opened yet, on a fresh
// database not even created.
let db: TestDb | undefined;
let queue: JobQueue | undefined;
afterEach(async () => {
  await queue?.stop();
  await db?.destroy();
});

it('works a job sent before the queue started, once it has started', async () => {
  db = await createTestDb();
  queue = createJobQueue(db, { runWorkers: true, onError: () => {} });
  let worked: (data: unknown) => void;
  const work = new Promise((resolve) => (worked = resolve));
  queue.define('test.early', async (data) => worked(data));

  const sent = queue.send('test.early', { early: true });
  await queue.start();

  expect(await sent).toEqual(expect.any(String));
  expect(await work).toEqual({ early: true });
}, 60_000);

it('lets the event loop turn while it starts, so requests are served meanwhile', async () => {
  db = await createTestDb();
  queue = createJobQueue(db, { runWorkers: true, onError: () => {} });
  for (const name of ['test.one', 'test.two', 'test.three']) queue.define(name, async () => {});
  // PGlite answers a query without a turn of the event loop; pg-boss's start is a long run of them, and a
  // request that arrived meanwhile waited for its end (no turn at all, before). Each turn can serve one.
  let turns = 0;
  let starting = true;
  const turn = () => {
    if (!starting) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  await queue.start();
  starting = false;
  expect(turns).toBeGreaterThan(0);
}, 60_000);
