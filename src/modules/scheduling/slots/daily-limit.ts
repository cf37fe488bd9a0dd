import { DAY_MS } from './civil-calendar.js';
import { parseInstant } from './instants.js';
import type { ZoneClock } from './zone-offsets.js';

/**
 * maxBookingsPerDay: the local dates (in the host's zone) that already hold that many of the host's live
 * bookings of this meeting type are closed to new slots.
 */
export class DailyLimit {
  readonly #fullDays = new Set<number>();
  readonly #clock: ZoneClock;

  /** Booked starts further than two days from [fromMs, toMs) cannot share a local date with a slot. */
  constructor(bookedStarts: readonly string[], max: number, clock: ZoneClock, fromMs: number, toMs: number) {
    this.#clock = clock;
    const counts = new Map<number, number>();
    for (const iso of bookedStarts) {
      const start = parseInstant(iso);
      if (start < fromMs - 2 * DAY_MS || start >= toMs + 2 * DAY_MS) continue;
      const day = clock.localDayOf(start);
      const count = (counts.get(day) ?? 0) + 1;
      counts.set(day, count);
      if (count >= max) this.#fullDays.add(day);
    }
  }

  allows(slotStart: number): boolean {
    return this.#fullDays.size === 0 || !this.#fullDays.has(this.#clock.localDayOf(slotStart));
  }
}
