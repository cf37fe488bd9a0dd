/**
 * Half-open UTC intervals [start, end) stored flat — [s0, e0, s1, e1, …] — and sorted by start: the engine
 * builds a few dozen per host per call and only ever scans them in order.
 */
export type IntervalList = number[];

/**
 * Appends [start, end) to a list whose starts arrive in non-decreasing order, merging it into the last
 * interval when they overlap or touch (so a list built this way is disjoint); empty intervals are dropped.
 */
export function appendMerged(list: IntervalList, start: number, end: number): void {
  if (end <= start) return;
  const last = list.length - 1;
  if (last > 0 && start <= list[last]!) {
    if (end > list[last]!) list[last] = end;
  } else {
    list.push(start, end);
  }
}

/**
 * Every non-empty overlap of an interval of `a` with an interval of `b`, sorted by start. The inputs may
 * overlap themselves (windows of consecutive days do), so each overlapping pair yields its own piece.
 */
export function intersect(a: IntervalList, b: IntervalList): IntervalList {
  const pieces: [number, number][] = [];
  let firstLive = 0; // b's intervals before this one end before every remaining interval of a starts
  for (let i = 0; i < a.length; i += 2) {
    const aStart = a[i]!;
    const aEnd = a[i + 1]!;
    while (firstLive < b.length && b[firstLive + 1]! <= aStart) firstLive += 2;
    for (let j = firstLive; j < b.length && b[j]! < aEnd; j += 2) {
      const start = Math.max(aStart, b[j]!);
      const end = Math.min(aEnd, b[j + 1]!);
      if (start < end) pieces.push([start, end]);
    }
  }
  pieces.sort((x, y) => x[0] - y[0]);
  return pieces.flat();
}
