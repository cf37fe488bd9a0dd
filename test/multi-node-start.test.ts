import { describe, expect, it } from 'vitest';
import { createJobQueue } from '../src/jobs/queue.js';
import { createTestDb } from './helpers/db.js';

const QUEUES = ['email.dispatch', 'webhook.dispatch', 'reminder.send', 'reminder.sweep', 'video.sync', 'video.sweep'];

// PostgreSQL only: the race needs several connections creating pg-boss's tables at once; PGlite has one.
describe.skipIf(!process.env.TEST_DATABASE_URL)('several nodes starting on an empty database', () => {
  it('all start, and each queue exists once', async () => {
    // Each round is a fresh database, so every round races on pg-boss's first start and queue creation.
    for (let round = 0; round < 3; round++) {
      const db = await createTestDb();
      const nodes = [0, 1, 2].map(() => {
        const queue = createJobQueue(db, { runWorkers: true, onError: () => {} });
        for (const name of QUEUES) queue.define(name, async () => {});
        return queue;
      });
      try {
        const results = await Promise.allSettled(nodes.map((queue) => queue.start()));
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started'))).toEqual([
          'started',
          'started',
          'started',
        ]);
        const { rows } = await db.executeSql('select name from pgboss.queue where name = any($1) order by name', [
          QUEUES,
        ]);
        expect(rows.map((r) => (r as { name: string }).name)).toEqual([...QUEUES].sort());
      } finally {
        await Promise.all(nodes.map((queue) => queue.stop().catch(() => {})));
        await db.destroy();
      }
    }
  }, 120_000);
});
