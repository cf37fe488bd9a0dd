import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, createPglite, type DbOptions } from '../src/db/client.js';

// Start-up skips the migrator when one query shows every migration applied (client.ts): a database one
// migration behind must still get it, on PGlite and, in the PostgreSQL pass, on PostgreSQL.
const migrations = fileURLToPath(new URL('../src/db/migrations', import.meta.url));
type Journal = { entries: { tag: string; when: number }[] };
const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as Journal;
let behindFolder: string;

beforeAll(() => {
  // The same migrations without the newest: a database migrated with them is what the previous release left.
  behindFolder = mkdtempSync(join(tmpdir(), 'tuskhub-migrations-'));
  cpSync(migrations, behindFolder, { recursive: true });
  const behind: Journal = { ...journal, entries: journal.entries.slice(0, -1) };
  writeFileSync(join(behindFolder, 'meta', '_journal.json'), JSON.stringify(behind));
});
afterAll(() => rmSync(behindFolder, { recursive: true, force: true }));

/** Options for createDb that open a database migrated up to the previous release; close() removes it. */
async function databaseOneBehind(): Promise<{ options: DbOptions; close(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const client = await createPglite({});
    await migratePglite(drizzlePglite(client), { migrationsFolder: behindFolder });
    const dump = await client.dumpDataDir('none');
    await client.close();
    return { options: { pgliteTemplate: dump }, close: async () => {} };
  }
  const name = `tuskhub_behind_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await migrateNodePg(drizzleNodePg(client), { migrationsFolder: behindFolder });
  await client.end();
  return {
    options: { databaseUrl: url.toString() },
    async close() {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

it('applies the migration a database lacks when it is opened', async () => {
  const database = await databaseOneBehind();
  try {
    const handle = await createDb(database.options);
    try {
      const { rows } = await handle.executeSql(
        'select count(*)::int as applied, max(created_at)::text as newest from drizzle.__drizzle_migrations',
        [],
      );
      expect(rows[0]).toEqual({ applied: journal.entries.length, newest: String(journal.entries.at(-1)!.when) });
    } finally {
      await handle.close();
    }
  } finally {
    await database.close();
  }
}, 120_000);
