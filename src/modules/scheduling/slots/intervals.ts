/**
 * Half-open UTC intervals [start, end) stored flat — [s0, e0, s1, e1, …] — sorted by start, disjoint and not
 * touching once normalised: the engine builds a few dozen per host per call and only ever scans them in order.
 */
export type IntervalList = number[];

/**
 * Appends [start, end) to a list whose starts arrive in non-decreasing order, merging it into the last
 * interval when they overlap or touch; empty intervals are dropped.
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

/** The instants in both lists (the intersection of maximal intervals is again maximal). */
export function intersect(a: IntervalList, b: IntervalList): IntervalList {
  const out: IntervalList = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const endA = a[i + 1]!;
    const endB = b[j + 1]!;
    const end = Math.min(endA, endB);
    if (start < end) out.push(start, end);
    if (endA <= endB) i += 2;
    else j += 2;
  }
  return out;
}
