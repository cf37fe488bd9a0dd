import type { EventBus } from '../../lib/event-bus.js';
import { createSlotAnswerCache, type SlotAnswerCache } from './slot-answer-cache.js';

const PREFIX = 'slots:';

/** All meeting types of a host share its time, so slot changes are published per host. */
export const slotTopic = (hostUserId: string) => `${PREFIX}${hostUserId}`;

/**
 * The node's slots answer cache, following the bus: every host's `slots` event (from any node) drops that
 * host's answers, and a gap in delivery drops them all. Changes made on this node drop them at once, before
 * the event goes round (see `changed`).
 */
export function followSlotChanges(bus: EventBus, maxBytes: number) {
  const cache: SlotAnswerCache = createSlotAnswerCache({ maxBytes });
  if (!bus.receiving) cache.deliveryChanged(false);
  bus.subscribeAll((topic) => {
    if (topic.startsWith(PREFIX)) cache.dropHost(topic.slice(PREFIX.length));
  });
  bus.watchDelivery({ lost: () => cache.deliveryChanged(false), restored: () => cache.deliveryChanged(true) });
  return {
    cache,
    /** A change on this node: its own answers go now; the event tells the other nodes and open pages. */
    changed(hostUserId: string, payload: unknown) {
      cache.dropHost(hostUserId);
      return bus.publish(slotTopic(hostUserId), payload);
    },
  };
}
