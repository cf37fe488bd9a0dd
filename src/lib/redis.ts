import { Redis } from 'ioredis';

/**
 * The shared Redis client. Commands are not queued while disconnected: a Redis outage then fails rate-limit
 * checks at once (they fail closed) instead of holding requests until it returns. Start-up waits a moment for
 * the connection, so the first requests are not refused merely because Redis has not answered yet; a Redis
 * that is down does not stop the start.
 */
export async function connectRedis(url: string, waitMs = 5000): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    redis.once('ready', done);
  });
  return redis;
}
