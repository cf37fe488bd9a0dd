import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, DbHandle, DbLog, DbOptions } from './client.js';
import { migrationsFolder, migrationsPending } from './pending-migrations.js';
import * as schema from './schema/index.js';

const silent: DbLog = { warn: () => {}, info: () => {} };

/** PostgreSQL at `url`, migrated: a bounded pool, and LISTEN on a connection of its own. */
export async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
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
    prepared: (name, text, values) => pool.query<Record<string, unknown>>({ name, text, values }),
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
  const watchers = new Set<(listening: boolean) => void>();
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
    watchers.forEach((w) => w(false));
    log.warn({ err, retryInMs: RECONNECT_FIRST_MS }, 'lost the database connection that listens for notifications');
    reconnectIn(RECONNECT_FIRST_MS);
  }

  function reconnectIn(delayMs: number) {
    // unref: a process that is otherwise done may exit while the database is away.
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => {
          log.info({ channels: [...handlers.keys()] }, 'listening for notifications again');
          watchers.forEach((w) => w(true));
        },
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
    async listen(channel: string, handler: (payload: string) => void, delivery?: (listening: boolean) => void) {
      if (delivery) watchers.add(delivery);
      const set = handlers.get(channel) ?? new Set();
      set.add(handler);
      handlers.set(channel, set);
      try {
        // LISTEN is idempotent; issuing it even when a fresh connection already did closes a race with open().
        await (await connect()).query(listenSql(channel));
      } catch (err) {
        set.delete(handler);
        if (set.size === 0) handlers.delete(channel);
        if (delivery) watchers.delete(delivery);
        throw err;
      }
      return async () => {
        set.delete(handler);
        if (delivery) watchers.delete(delivery);
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
