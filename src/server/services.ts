import type { DbHandle } from '../db/client.js';
import { createSealer } from '../lib/crypto.js';
import type { EventBus } from '../lib/event-bus.js';
import { createIdentityRepo } from '../modules/identity/repo.js';
import { createIdentityService } from '../modules/identity/service.js';
import { createAvailabilityService } from '../modules/scheduling/availability.service.js';
import { createBookingsService, type SlotChange } from '../modules/scheduling/bookings.service.js';
import { createManageTokens } from '../modules/scheduling/manage-token.js';
import { createMeetingTypesService } from '../modules/scheduling/meeting-types.service.js';
import { slotTopic } from '../modules/scheduling/slot-events.js';
import { createSlotsService } from '../modules/scheduling/slots.service.js';
import type { Config } from './config.js';

/** Wires each module's service to its repo; the one place that knows how modules are assembled. */
export function createServices(config: Config, handle: DbHandle, bus: EventBus) {
  const db = handle.db;
  const identity = createIdentityService(createIdentityRepo(db), createSealer(config.appSecret));
  const publishSlots = (hostUserId: string, change: SlotChange = { reason: 'changed' }) => {
    // Realtime updates are a courtesy to open pages; a failed publish must not fail the booking.
    bus.publish(slotTopic(hostUserId), change).catch(() => {});
  };
  return {
    bus,
    identity,
    meetingTypes: createMeetingTypesService(db, publishSlots),
    availability: createAvailabilityService(db, async (userId) => (await identity.me(userId)).timeZone, publishSlots),
    slots: createSlotsService(db, identity.findHost),
    bookings: createBookingsService({
      db,
      tokens: createManageTokens(config.appSecret),
      publicUrl: config.publicUrl,
      jitsiBaseUrl: config.jitsiBaseUrl,
      findHost: identity.findHost,
      findHostById: identity.findHostById,
      onSlotsChanged: publishSlots,
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
