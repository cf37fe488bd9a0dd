import { parseInstant } from './instants.js';
import { appendMerged, type IntervalList } from './intervals.js';

export interface BusyInterval {
  start: string;
  end: string;
}

/**
 * A host's busy time, sorted and merged once, then queried with a forward-only cursor: the engine asks about
 * candidates in ascending order, so all checks for a host cost O(busy + candidates) rather than their product.
 */
export class BusySweep {
  readonly #busy: IntervalList = [];
  #cursor = 0;

  /** Keeps only intervals that can overlap [relevantFrom, relevantTo): far-away busy time costs nothing. */
  constructor(busy: readonly BusyInterval[], relevantFrom: number, relevantTo: number) {
    const starts: number[] = [];
    const ends: number[] = [];
    let sorted = true;
    for (const interval of busy) {
      const start = parseInstant(interval.start);
      const end = parseInstant(interval.end);
      if (start >= end || end <= relevantFrom || start >= relevantTo) continue;
      if (starts.length > 0 && start < starts[starts.length - 1]!) sorted = false;
      starts.push(start);
      ends.push(end);
    }
    // Calendars and queries usually hand busy time over in order already; only sort when they did not.
    const order = starts.map((_, i) => i);
    if (!sorted) order.sort((a, b) => starts[a]! - starts[b]!);
    for (const i of order) appendMerged(this.#busy, starts[i]!, ends[i]!);
  }

  /** Whether [start, end) overlaps no busy interval (touching is fine). `start` must not decrease between calls. */
  isFree(start: number, end: number): boolean {
    const busy = this.#busy;
    let i = this.#cursor;
    while (i < busy.length && busy[i + 1]! <= start) i += 2;
    this.#cursor = i;
    return i === busy.length || busy[i]! >= end;
  }
}
