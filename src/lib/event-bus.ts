import type { Redis } from 'ioredis';
import type { DbHandle } from '../db/client.js';

/** Told when this node may have missed events (its subscription dropped) and when it hears them again. */
export type DeliveryWatcher = { lost(): void; restored(): void };

/**
 * Cross-node publish/subscribe for realtime updates: Redis pub/sub when configured, otherwise Postgres
 * LISTEN/NOTIFY (which PGlite also speaks). All topics share one channel and are fanned out in-process, so a
 * node holds one subscription however many browsers are connected.
 */
export type EventBus = {
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
  /** Every event of every topic, for caches that follow many topics at once. */
  subscribeAll(handler: (topic: string, payload: unknown) => void): () => void;
  /** Whether events are being received now; a watcher hears every change, so a cache can distrust a gap. */
  watchDelivery(watcher: DeliveryWatcher): () => void;
  readonly receiving: boolean;
  close(): Promise<void>;
};

const CHANNEL = 'tuskhub_events';

export async function createEventBus(db: DbHandle, redis?: Redis): Promise<EventBus> {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const everything = new Set<(topic: string, payload: unknown) => void>();
  const watchers = new Set<DeliveryWatcher>();
  // PGlite is in-process and never misses an event; the others say so once they are subscribed.
  let receiving = true;
  const deliver = (raw: string) => {
    const { topic, payload } = JSON.parse(raw) as { topic: string; payload: unknown };
    everything.forEach((h) => h(topic, payload));
    handlers.get(topic)?.forEach((h) => h(payload));
  };
  const delivery = (up: boolean) => {
    if (up === receiving) return;
    receiving = up;
    watchers.forEach((w) => (up ? w.restored() : w.lost()));
  };

  let publishRaw: (raw: string) => Promise<void>;
  let stop: () => Promise<void>;
  if (redis) {
    // Unlike the shared client, the subscriber queues its SUBSCRIBE until connected (and ioredis subscribes
    // again after a reconnect), so the bus can start before Redis has answered.
    const subscriber = redis.duplicate({ enableOfflineQueue: true });
    subscriber.on('close', () => delivery(false));
    // Events are heard again once SUBSCRIBE is answered on the new connection (repeating it is harmless).
    subscriber.on('ready', () => {
      subscriber.subscribe(CHANNEL).then(
        () => delivery(true),
        () => {},
      );
    });
    receiving = false;
    await subscriber.subscribe(CHANNEL);
    delivery(true);
    subscriber.on('message', (_channel: string, raw: string) => deliver(raw));
    publishRaw = async (raw) => {
      await redis.publish(CHANNEL, raw);
    };
    stop = async () => {
      subscriber.disconnect();
    };
  } else {
    stop = await db.listen(CHANNEL, deliver, delivery);
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
    subscribeAll(handler) {
      everything.add(handler);
      return () => everything.delete(handler);
    },
    watchDelivery(watcher) {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    get receiving() {
      return receiving;
    },
    close: () => stop(),
  };
}
