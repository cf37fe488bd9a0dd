import { DAY_MS, HOUR_MS } from './civil-calendar.js';

/**
 * UTC offsets of IANA zones, and the wall-clock → UTC rule the engine uses.
 *
 * Intl is the time-zone database (the same data Luxon reads), but one lookup costs ~3 µs, which would
 * dominate the engine. Offsets are therefore memoised per (zone, UTC hour): an hour bucket holds one offset,
 * or — for the rare hour that contains a transition — the exact transition instant and the offsets on both
 * sides, so lookups stay exact. This module-level cache is safe because tz rules cannot change while the
 * process runs (Node's ICU data is fixed at start-up); both the buckets per zone and the zones are capped.
 *
 * Assumption: a zone changes offset at most once in any 30 hours, at a whole second. (A scan of all 418 zones
 * Node's ICU knows, 1970–2037 at 6-hour resolution, found no two changes within 36 hours.)
 */

const MAX_BUCKETS_PER_ZONE = 50_000;
/** Wider than any offset from UTC (−12:00 … +14:00), so a wall time's instant is always within reach. */
const REACH_MS = 15 * HOUR_MS;

type Bucket = number | { at: number; before: number; after: number };

export class ZoneClock {
  readonly #format: Intl.DateTimeFormat;
  readonly #buckets = new Map<number, Bucket>();

  constructor(format: Intl.DateTimeFormat) {
    this.#format = format;
  }

  /** Milliseconds to add to a UTC instant to read the zone's wall clock. */
  offsetAt(utcMs: number): number {
    const index = Math.floor(utcMs / HOUR_MS);
    const bucket = this.#buckets.get(index) ?? this.#load(index);
    if (typeof bucket === 'number') return bucket;
    return utcMs < bucket.at ? bucket.before : bucket.after;
  }

  /** The local date (as a day number) of an instant. */
  localDayOf(utcMs: number): number {
    return Math.floor((utcMs + this.offsetAt(utcMs)) / DAY_MS);
  }

  /**
   * The earliest instant at which the wall clock reads `wallMs` or later (`wallMs` is the wall time written
   * as if it were UTC). One rule covers every case: a normal time maps to its only instant; a time in the
   * fall-back overlap maps to its first occurrence (the earlier offset); a time in a spring-forward gap maps
   * to the transition instant, the first valid instant after the gap (e.g. 02:30 → 03:00 new time).
   */
  wallToUtc(wallMs: number): number {
    const offsetBefore = this.offsetAt(wallMs - REACH_MS);
    const offsetAfter = this.offsetAt(wallMs + REACH_MS);
    const early = wallMs - offsetBefore;
    if (offsetBefore === offsetAfter) return early;
    // One transition lies in reach. `early` is right when it is still before the transition (this also picks
    // the first of two readings in an overlap); `late` when it is after it.
    if (this.offsetAt(early) === offsetBefore) return early;
    const late = wallMs - offsetAfter;
    if (this.offsetAt(late) === offsetAfter) return late;
    // A gap: the wall clock jumps over wallMs between `late` and `early`, where it reads below, then above.
    let below = late;
    let atOrAbove = early;
    while (atOrAbove - below > 1) {
      const mid = Math.floor((below + atOrAbove) / 2);
      if (mid + this.offsetAt(mid) >= wallMs) atOrAbove = mid;
      else below = mid;
    }
    return atOrAbove;
  }

  #load(index: number): Bucket {
    if (this.#buckets.size >= MAX_BUCKETS_PER_ZONE) this.#buckets.clear();
    const start = index * HOUR_MS;
    const before = this.#intlOffset(start);
    const after = this.#intlOffset(start + HOUR_MS - 1000);
    let bucket: Bucket = before;
    if (before !== after) {
      let lastBefore = 0;
      let firstAfter = 3599;
      while (firstAfter - lastBefore > 1) {
        const mid = (lastBefore + firstAfter) >> 1;
        if (this.#intlOffset(start + mid * 1000) === before) lastBefore = mid;
        else firstAfter = mid;
      }
      bucket = { at: start + firstAfter * 1000, before, after };
    }
    this.#buckets.set(index, bucket);
    return bucket;
  }

  /** Offset at a whole-second instant, read from Intl's "M/D/YYYY, HH:mm:ss" rendering of it. */
  #intlOffset(utcMs: number): number {
    const text = this.#format.format(utcMs);
    const parts = [0, 0, 0, 0, 0, 0];
    let part = 0;
    let inNumber = false;
    for (let i = 0; i < text.length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit >= 0 && digit <= 9) {
        parts[part] = parts[part]! * 10 + digit;
        inNumber = true;
      } else if (inNumber) {
        part++;
        inNumber = false;
      }
    }
    const [month, day, year, hour, minute, second] = parts as [number, number, number, number, number, number];
    return Date.UTC(year, month - 1, day, hour, minute, second) - utcMs;
  }
}

/** Keyed by the name as given; Intl accepts spelling variants ("utc", "Etc/UTC"), so the map is capped too. */
const clocks = new Map<string, ZoneClock>();
const MAX_CLOCKS = 1_000;

function formatFor(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The shared clock of a zone the schema accepted (see isKnownTimeZone). */
export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    if (clocks.size >= MAX_CLOCKS) clocks.clear();
    clock = new ZoneClock(formatFor(zone));
    clocks.set(zone, clock);
  }
  return clock;
}

/** Validation doubles as warm-up: a valid zone's clock is then ready for the engine. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    zoneClock(zone);
    return true;
  } catch {
    return false;
  }
}
