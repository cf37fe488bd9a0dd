import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '../../src/db/client.js';

export type TestDb = DbHandle & { url: string | undefined; destroy(): Promise<void> };

/** A database of its own for one test file: a new PostgreSQL database, or PGlite loaded from the template. */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const template = new Blob([readFileSync(inject('pgliteTemplatePath'))]);
    const handle = await createDb({ pgliteTemplate: template });
    return { ...handle, url: undefined, destroy: () => handle.close() };
  }
  const name = `tuskhub_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // A generous pool wait (production's is 5 s): concurrency tests queue many requests on a busy machine.
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 20, poolTimeoutMs: 30_000 });
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      await withAdmin(adminUrl, async (c) => {
        await waitForDisconnects(c, name);
        await c.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}

/**
 * Pools resolve end() before their last connections have said goodbye; forcing the drop then would kill those
 * sessions mid-goodbye and surface as errors in whichever test file runs next.
 */
async function waitForDisconnects(client: pg.Client, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Polls a condition of the database's state (not of the clock) until it holds. */
export async function waitUntil(condition: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the condition never held');
}
