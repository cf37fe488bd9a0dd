// Fails fast, with a clear message, when CI's PostgreSQL or Redis is not reachable.
import { Redis } from 'ioredis';
import pg from 'pg';

const [pgUrl, redisUrl] = process.argv.slice(2);

const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} reachable at ${new URL(pgUrl).host}`);
} catch (error) {
  console.error(`PostgreSQL is not reachable at ${pgUrl}: ${error.message}`);
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}

const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0 });
try {
  await redis.connect();
  console.log(`Redis answered ${await redis.ping()} at ${new URL(redisUrl).host}`);
} catch (error) {
  console.error(`Redis is not reachable at ${redisUrl}: ${error.message}`);
  process.exit(1);
} finally {
  redis.disconnect();
}
