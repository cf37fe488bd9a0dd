import { parseInstant } from './instants.js';

export interface BusyInterval {
  start: string;
  end: string;
}

/**
 * A host's busy time, sorted and merged once, then queried with a forward-only cursor: the engine asks about
 * candidates in ascending order, so all checks for a host cost O(busy + candidates) rather than their product.
 */
export class BusySweep {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  #cursor = 0;

  /** Keeps only intervals that can overlap [relevantFrom, relevantTo): far-away busy time costs nothing. */
  constructor(busy: readonly BusyInterval[], relevantFrom: number, relevantTo: number) {
    const pairs: [number, number][] = [];
    for (const interval of busy) {
      const start = parseInstant(interval.start);
      const end = parseInstant(interval.end);
      if (start < end && end > relevantFrom && start < relevantTo) pairs.push([start, end]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    for (const [start, end] of pairs) {
      const last = this.#ends.length - 1;
      if (last >= 0 && start <= this.#ends[last]!) {
        if (end > this.#ends[last]!) this.#ends[last] = end;
      } else {
        this.#starts.push(start);
        this.#ends.push(end);
      }
    }
  }

  /** Whether [start, end) overlaps no busy interval (touching is fine). `start` must not decrease between calls. */
  isFree(start: number, end: number): boolean {
    const ends = this.#ends;
    let i = this.#cursor;
    while (i < ends.length && ends[i]! <= start) i++;
    this.#cursor = i;
    return i === ends.length || this.#starts[i]! >= end;
  }
}
