import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
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
const silent: DbLog = { warn: () => {}, info: () => {} };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
export const APP_ROLE = 'tuskhub_app';

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in DATA_DIR, and migrates it. */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  const handle = options.databaseUrl ? await openPostgres(options.databaseUrl, options) : await openPglite(options);
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

async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  // A bounded wait: when every connection is busy (or the server is down) a request fails fast with a 503
  // instead of queueing behind the others without limit.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.poolTimeoutMs ?? 5000,
  });
  // An idle connection the server drops (restart, failover) is discarded by the pool and replaced on next use;
  // without a listener the pool would rethrow it and take the process down.
  pool.on('error', () => {});
  try {
    if (await migrationsPending((text, values) => pool.query(text, values))) await migratePostgres(url);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  const db = drizzleNodePg(pool, { schema }) as unknown as Database;
  const listener = createPostgresListener(url, options.log ?? silent);
  return {
    db,
    kind: 'postgres',
    listen: listener.listen,
    notify: async (channel, payload) => {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    executeSql: (text, values) => pool.query(text, values),
    exclusively: (lockName, fn) => withSessionLock(url, lockName, fn),
    url,
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

const RECONNECT_FIRST_MS = 1000;
const RECONNECT_MAX_MS = 30_000;

/**
 * LISTEN needs a connection of its own that stays open. It is opened on first use; when the server drops it
 * (restart, failover, outage) it is re-opened with back-off, for as long as it takes, and every channel is
 * listened again. Notifications sent while it was down are lost, as they are with Postgres itself.
 */
function createPostgresListener(url: string, log: DbLog) {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | undefined;
  let opening: Promise<pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;
  const listenSql = (channel: string) => `LISTEN ${pg.escapeIdentifier(channel)}`;

  async function open(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    c.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
    c.on('error', (err) => dropped(c, err));
    c.on('end', () => dropped(c));
    try {
      await c.connect();
      for (const channel of handlers.keys()) await c.query(listenSql(channel));
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    if (closed) {
      await c.end().catch(() => {});
      throw new Error('The database handle is closed.');
    }
    return c;
  }

  function connect(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    opening ??= open()
      .then((c) => (client = c))
      .finally(() => (opening = undefined));
    return opening;
  }

  function dropped(c: pg.Client, err?: Error) {
    if (c !== client || closed) return;
    client = undefined;
    c.end().catch(() => {});
    log.warn({ err, retryInMs: RECONNECT_FIRST_MS }, 'lost the database connection that listens for notifications');
    reconnectIn(RECONNECT_FIRST_MS);
  }

  function reconnectIn(delayMs: number) {
    // unref: a process that is otherwise done may exit while the database is away.
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => log.info({ channels: [...handlers.keys()] }, 'listening for notifications again'),
        (err: unknown) => {
          if (closed) return;
          const next = Math.min(delayMs * 2, RECONNECT_MAX_MS);
          log.warn({ err, retryInMs: next }, 'could not reconnect to listen for notifications');
          reconnectIn(next);
        },
      );
    }, delayMs).unref();
  }

  return {
    async listen(channel: string, handler: (payload: string) => void) {
      const set = handlers.get(channel) ?? new Set();
      set.add(handler);
      handlers.set(channel, set);
      try {
        // LISTEN is idempotent; issuing it even when a fresh connection already did closes a race with open().
        await (await connect()).query(listenSql(channel));
      } catch (err) {
        set.delete(handler);
        if (set.size === 0) handlers.delete(channel);
        throw err;
      }
      return async () => {
        set.delete(handler);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client ?? (await opening?.catch(() => undefined));
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}

/** A session advisory lock on a connection of its own: held across fn's statements on any connection. */
async function withSessionLock<T>(url: string, lockName: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // Losing this session frees the lock; fn's own statements then fail or finish on their own connections.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [lockName]);
    return await fn();
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => {});
  }
}

/**
 * Whether the database lacks a migration of this build, in one query. Drizzle applies every migration whose
 * journal time is later than the newest one recorded as applied, so none is pending when that newest time is at
 * least the journal's last; only then is migrate() (schema and table checks, a transaction, and on PostgreSQL a
 * connection of its own and the lock) skipped. A database that has never been migrated has no such table yet.
 */
async function migrationsPending(
  query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>,
): Promise<boolean> {
  const latest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const { rows } = await query('select max(created_at) >= $1 as current from drizzle.__drizzle_migrations', [latest]);
    return (rows[0] as { current: boolean | null } | undefined)?.current !== true;
  } catch (error) {
    if (['3F000', '42P01'].includes((error as { code?: string }).code ?? '')) return true;
    throw error;
  }
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
