import type { Clock } from '../../src/lib/clock.js';

/** A clock that stands still where a test puts it and moves only when told. */
export function testClock(start: Date) {
  let now = start.getTime();
  return {
    clock: (() => new Date(now)) satisfies Clock,
    advance(ms: number) {
      now += ms;
    },
  };
}
