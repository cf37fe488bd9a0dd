import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { lockDataDir } from './data-dir-lock.js';
import { migrationsFolder, migrationsPending } from './pending-migrations.js';
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
  /**
   * Postgres LISTEN on a channel; the handler gets each NOTIFY payload. Resolves to an unsubscribe. `delivery`
   * hears false when the listening connection drops (notifications are being missed) and true once it listens
   * again.
   */
  listen(
    channel: string,
    handler: (payload: string) => void,
    delivery?: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Raw SQL for libraries that bring their own queries (pg-boss on PGlite); several statements need no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * One statement as a named prepared statement: PostgreSQL parses and plans it once per connection, which the
   * hottest reads cannot afford to do on every request. PGlite runs in-process, where that costs little.
   */
  prepared(name: string, text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs fn while holding a database-wide lock of this name, so processes sharing the database take turns
   * (e.g. several nodes creating the same job queues at start-up). PGlite has one process: fn just runs.
   */
  exclusively<T>(lockName: string, fn: () => Promise<T>): Promise<T>;
  /** The PostgreSQL URL, for libraries that open their own pool; undefined on PGlite. */
  url: string | undefined;
  close(): Promise<void>;
};

export type DbOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A dump of an already-migrated PGlite data directory; tests use it to skip the slow first start. */
  pgliteTemplate?: Blob | File | undefined;
  /** PostgreSQL pool: at most this many connections (DATABASE_POOL_SIZE). */
  poolSize?: number | undefined;
  /** How long a query waits for a free pooled connection before it fails (DATABASE_POOL_TIMEOUT_MS). */
  poolTimeoutMs?: number | undefined;
  /** Where connection trouble is reported (pino fits); none is silent. */
  log?: DbLog | undefined;
};

export type DbLog = {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
};

export const APP_ROLE = 'tuskhub_app';

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in DATA_DIR, and migrates it. */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (!options.databaseUrl) return openPglite(options);
  // The PostgreSQL driver is loaded only for PostgreSQL: PGlite, the default, has no use for it.
  const { openPostgres } = await import('./postgres.js');
  return openPostgres(options.databaseUrl, options);
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
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One process per data directory (see lockDataDir); a database made from a template in memory needs no lock.
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  const client = await createPglite(options).catch((error: unknown) => {
    unlock();
    throw error;
  });
  try {
    if (await migrationsPending((text, values) => client.query(text, values))) {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    }
  } catch (error) {
    await client.close().catch(() => {});
    unlock();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
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
    prepared: (_name, text, values) => client.query<Record<string, unknown>>(text, values),
    exclusively: (_lockName, fn) => fn(),
    url: undefined,
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}
