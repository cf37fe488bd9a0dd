import { DAY_MS, MINUTE_MS } from './civil-calendar.js';
import { computeSlots, type Slot } from './compute-slots.js';
import { parseInstant } from './instants.js';
import type { SlotScenario } from './scenario-schema.js';

/**
 * The last `now` at which computeSlots(s) still gives `slots`, with everything but the clock unchanged
 * (undefined: the clock alone never changes it). Time moves the answer in two ways only (rule 5): the first
 * offered start falls inside the minimum notice, or the booking window's edge reaches a start that only the
 * window kept out.
 */
export function answerLastValidAt(s: SlotScenario, slots: Slot[]): number | undefined {
  const now = parseInstant(s.now);
  const notice = (s.minimumNoticeMinutes ?? 0) * MINUTE_MS;
  const limits: number[] = [];
  if (slots.length > 0) limits.push(parseInstant(slots[0]!.start) - notice);
  if (s.bookingWindowDays != null) {
    const window = s.bookingWindowDays * DAY_MS;
    const edge = now + window;
    // With a notice as long as the window, nothing ever enters through its edge: it would be too soon.
    if (edge < parseInstant(s.to) && notice < window) {
      const from = new Date(Math.max(edge, parseInstant(s.from))).toISOString();
      const beyond = computeSlots({ ...s, from, bookingWindowDays: null });
      // A start S is inside the window while S < now + window, so it appears once now passes S − window.
      if (beyond.length > 0) limits.push(parseInstant(beyond[0]!.start) - window);
    }
  }
  return limits.length > 0 ? Math.min(...limits) : undefined;
}
