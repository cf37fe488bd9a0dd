import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** What both drivers' raw query results have in common: the rows. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: { rows: Record<string, unknown>[] };
}
export type Database = PgDatabase<RowsResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Database;
  kind: DbKind;
  /** Postgres LISTEN on a channel; the handler gets each NOTIFY payload. Resolves to an unsubscribe. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Raw SQL for libraries that bring their own queries (pg-boss on PGlite); several statements need no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** The PostgreSQL URL, for libraries that open their own pool; undefined on PGlite. */
  url: string | undefined;
  close(): Promise<void>;
};

export type DbOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A dump of an already-migrated PGlite data directory; tests use it to skip the slow first start. */
  pgliteTemplate?: Blob | File | undefined;
  poolSize?: number;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
export const APP_ROLE = 'tuskhub_app';

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in DATA_DIR, and migrates it. */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  const handle = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openPglite(options);
  return handle;
}

export function createPglite(options: DbOptions): Promise<PGlite> {
  const extensions = { btree_gist, pgcrypto };
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create({
    ...(options.dataDir ? { dataDir: join(options.dataDir, 'pglite') } : {}),
    ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
    extensions,
  });
}

async function openPglite(options: DbOptions): Promise<DbHandle> {
  const client = await createPglite(options);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return {
    db,
    kind: 'pglite',
    listen: (channel, handler) => client.listen(channel, handler),
    notify: async (channel, payload) => {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    executeSql: async (text, values) => {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
    url: undefined,
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<DbHandle> {
  await migratePostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server drops (restart, failover) is discarded by the pool and replaced on next use;
  // without a listener the pool would rethrow it and take the process down.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  const listener = createPostgresListener(url);
  return {
    db,
    kind: 'postgres',
    listen: listener.listen,
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    executeSql: (text, values) => pool.query(text, values),
    url,
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own that stays open; it is opened on first use and re-opened (and its
 * channels re-listened) if the server drops it.
 */
function createPostgresListener(url: string) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: Promise<pg.Client> | undefined;
  let closed = false;

  function connect(): Promise<pg.Client> {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
      c.on('error', () => {
        client = undefined;
        if (!closed) setTimeout(() => void relisten(), 1000).unref();
      });
      await c.connect();
      return c;
    })();
    return client;
  }

  async function relisten() {
    const c = await connect();
    for (const channel of handlers.keys()) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  }

  return {
    async listen(channel: string, handler: (payload: string) => void) {
      const set = handlers.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(handler);
      handlers.set(channel, set);
      if (first) await (await connect()).query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        set.delete(handler);
      };
    },
    async close() {
      closed = true;
      if (client) await (await client).end().catch(() => {});
    },
  };
}

/** Several app instances may start together against one database: an advisory lock lets one migrate. */
async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzleNodePg(client);
    await db.execute(sql`select pg_advisory_lock(hashtext('tuskhub:migrations'))`);
    await migrateNodePg(db, { migrationsFolder });
  } finally {
    await client.end();
  }
}
