import type { WEBHOOK_EVENTS } from '../../db/schema/values.js';
import type { BookingView } from './schemas.js';

export type SlotChange = { reason: 'booked' | 'freed' | 'changed'; start?: string; end?: string };
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * What a booking change must set off once its transaction has committed: realtime slot events, reminder jobs,
 * and a nudge to the mail and webhook senders. Collected during the transaction, run only after it commits, so
 * a rolled-back change announces nothing.
 */
export class BookingEffects {
  readonly slotChanges: [string, SlotChange][] = [];
  readonly reminders: { id: string; scheduledFor: Date }[] = [];
  mail = false;
  webhooks = false;
  /** A video link must be made, moved or removed at its provider. */
  video = false;

  slots(hostUserId: string, change: SlotChange) {
    this.slotChanges.push([hostUserId, change]);
  }

  freed(hostUserId: string, b: Pick<BookingView, 'start' | 'end'>) {
    this.slots(hostUserId, { reason: 'freed', start: b.start, end: b.end });
  }

  booked(hostUserId: string, b: Pick<BookingView, 'start' | 'end'>) {
    this.slots(hostUserId, { reason: 'booked', start: b.start, end: b.end });
  }
}
