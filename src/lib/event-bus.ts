import type { Redis } from 'ioredis';
import type { DbHandle } from '../db/client.js';

/**
 * Cross-node publish/subscribe for realtime updates: Redis pub/sub when configured, otherwise Postgres
 * LISTEN/NOTIFY (which PGlite also speaks). All topics share one channel and are fanned out in-process, so a
 * node holds one subscription however many browsers are connected.
 */
export type EventBus = {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
  close(): Promise<void>;
};

const CHANNEL = 'tuskhub_events';

export async function createEventBus(db: DbHandle, redis?: Redis): Promise<EventBus> {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const deliver = (raw: string) => {
    const { topic, payload } = JSON.parse(raw) as { topic: string; payload: unknown };
    handlers.get(topic)?.forEach((h) => h(payload));
  };

  let publishRaw: (raw: string) => Promise<void>;
  let stop: () => Promise<void>;
  if (redis) {
    // Unlike the shared client, the subscriber queues its SUBSCRIBE until connected (and ioredis subscribes
    // again after a reconnect), so the bus can start before Redis has answered.
    const subscriber = redis.duplicate({ enableOfflineQueue: true });
    await subscriber.subscribe(CHANNEL);
    subscriber.on('message', (_channel: string, raw: string) => deliver(raw));
    publishRaw = async (raw) => {
      await redis.publish(CHANNEL, raw);
    };
    stop = async () => {
      subscriber.disconnect();
    };
  } else {
    stop = await db.listen(CHANNEL, deliver);
    publishRaw = (raw) => db.notify(CHANNEL, raw);
  }

  return {
    publish: (topic, payload) => publishRaw(JSON.stringify({ topic, payload })),
    subscribe(topic, handler) {
      const set = handlers.get(topic) ?? new Set();
      set.add(handler);
      handlers.set(topic, set);
      return () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(topic);
      };
    },
    close: () => stop(),
  };
}
