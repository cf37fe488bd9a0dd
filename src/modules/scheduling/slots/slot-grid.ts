import type { IntervalList } from './intervals.js';

export interface GridBounds {
  /** Smallest allowed start (from, or now + notice, whichever is later). */
  earliest: number;
  /** Starts must be before this (to, or the end of the booking window, whichever is earlier). */
  latest: number;
  duration: number;
  interval: number;
}

/**
 * Appends, ascending, the starts windowStart + k·interval of each window whose whole slot fits in that
 * window, that fall in [earliest, latest) and that `accept` lets through. Only window starts anchor the
 * grid — never `from`, `now` or busy time — so the same page shows the same times whoever looks.
 */
export function collectGridStarts(
  windows: IntervalList,
  bounds: GridBounds,
  accept: (start: number) => boolean,
  out: number[],
): void {
  const { earliest, latest, duration, interval } = bounds;
  for (let w = 0; w < windows.length; w += 2) {
    const windowStart = windows[w]!;
    const windowEnd = windows[w + 1]!;
    if (windowStart >= latest) return;
    for (let k = Math.max(0, Math.ceil((earliest - windowStart) / interval)); ; k++) {
      const start = windowStart + k * interval;
      if (start >= latest || start + duration > windowEnd) break;
      if (accept(start)) out.push(start);
    }
  }
}
