import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { expect, it } from 'vitest';
import { createPglite } from '../src/db/client.js';

const folder = new URL('../src/db/migrations/', import.meta.url);
const migrations = readdirSync(folder)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const statements = (file: string) =>
  readFileSync(new URL(file, folder), 'utf8')
    .split('--> statement-breakpoint')
    .filter((s) => s.trim());

/** A database migrated up to (not including) `stop`, on PGlite or, in the PostgreSQL pass, a database of its own. */
async function databaseBefore(stop: string) {
  const before = migrations.slice(0, migrations.indexOf(stop));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const client = await createPglite({});
    const run = async (text: string) => (await client.query(text)).rows as Record<string, unknown>[];
    for (const file of before) for (const s of statements(file)) await client.exec(s);
    return { run, close: () => client.close() };
  }
  const name = `tuskhub_migration_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const run = async (text: string) => (await client.query(text)).rows as Record<string, unknown>[];
  for (const file of before) for (const s of statements(file)) await client.query(s);
  return {
    run,
    async close() {
      await client.end();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

it('counts the accounts that exist before address verification as verified', async () => {
  const migration = migrations.find((f) => f.startsWith('0008_'))!;
  const db = await databaseBefore(migration);
  try {
    const [org] = await db.run(`insert into organizations (name, slug) values ('Old', 'old-host') returning id`);
    await db.run(
      `insert into users (email, name, username, time_zone, password_hash, default_org_id, created_at)
       values ('old@example.com', 'Old Host', 'old-host', 'UTC', 'x', '${String(org!.id)}', '2026-01-02T03:04:05Z')`,
    );
    for (const s of statements(migration)) await db.run(s);
    const [user] = await db.run(`select email_verified_at from users where username = 'old-host'`);
    expect(new Date(user!.email_verified_at as string | Date).toISOString()).toBe('2026-01-02T03:04:05.000Z');
  } finally {
    await db.close();
  }
}, 60_000);
