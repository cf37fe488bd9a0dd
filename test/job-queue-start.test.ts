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
