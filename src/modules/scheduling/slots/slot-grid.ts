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
 * The starts windowStart + k·interval of each window (sorted by start) whose whole slot fits in that window
 * and that fall in [earliest, latest), ascending and unique. Only window starts anchor the grid — never
 * `from`, `now` or busy time — so a page shows the same times whoever looks, whenever.
 */
export function gridStarts(windows: IntervalList, bounds: GridBounds): number[] {
  const { earliest, latest, duration, interval } = bounds;
  const starts: number[] = [];
  let ascending = true;
  for (let w = 0; w < windows.length; w += 2) {
    const windowStart = windows[w]!;
    const windowEnd = windows[w + 1]!;
    if (windowStart >= latest) break;
    for (let k = Math.max(0, Math.ceil((earliest - windowStart) / interval)); ; k++) {
      const start = windowStart + k * interval;
      if (start >= latest || start + duration > windowEnd) break;
      if (starts.length > 0 && start <= starts[starts.length - 1]!) ascending = false;
      starts.push(start);
    }
  }
  // Windows overlap only where one day's hours run into the next day's; only then can grids interleave.
  return ascending ? starts : uniqueAscending(starts);
}

export function uniqueAscending(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (const value of sorted) if (out.length === 0 || out[out.length - 1] !== value) out.push(value);
  return out;
}
