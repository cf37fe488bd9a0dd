/** One cached slots answer: the serialized body and what is derived from it once. */
export type CachedAnswer = {
  body: Buffer;
  etag: string;
  /** The answer holds while the clock reads at most this (epoch ms). */
  lastValidAt: number;
  /** Compressed forms, made on first demand. */
  encoded: Map<string, Buffer>;
};

/** Taken before an answer's inputs are read: where the event history stood then. */
export type CacheTicket = { readonly seq: number; readonly epoch: number };

type Entry = { hostId: string; answer: CachedAnswer; bytes: number };

/** How many recent host changes are remembered to judge reads under way; an older ticket is simply not kept. */
const HISTORY = 4096;

/**
 * Slots answers by request key, grouped by host so that one event drops all of a host's answers. An answer is
 * kept only if no change to its host (and no gap in event delivery) came between the ticket, taken before its
 * inputs were read, and `keep`: otherwise the inputs may predate the change, so it is served once, not kept.
 */
export function createSlotAnswerCache(options: { maxBytes: number }) {
  const entries = new Map<string, Entry>();
  const keysOf = new Map<string, Set<string>>();
  // The hosts of the last HISTORY changes; changes[i] is change number (seq - changes.length + 1 + i).
  const changes: string[] = [];
  let seq = 0;
  // Bumped on every change of delivery; nothing is kept or served while events may be missed.
  let epoch = 0;
  let trusted = true;
  let bytes = 0;

  function forget(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
    const keys = keysOf.get(entry.hostId);
    keys?.delete(key);
    if (keys?.size === 0) keysOf.delete(entry.hostId);
  }

  function evictOverBudget() {
    for (const key of entries.keys()) {
      if (bytes <= options.maxBytes) return;
      forget(key);
    }
  }

  function changedSince(ticket: CacheTicket, hostId: string) {
    if (!trusted || ticket.epoch !== epoch) return true;
    const since = seq - ticket.seq;
    if (since > changes.length) return true;
    for (let i = changes.length - since; i < changes.length; i++) if (changes[i] === hostId) return true;
    return false;
  }

  return {
    get(key: string, now: number): CachedAnswer | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (!trusted || now > entry.answer.lastValidAt) {
        forget(key);
        return undefined;
      }
      // Map order is recency order: re-inserting marks it the most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.answer;
    },

    ticket: (): CacheTicket => ({ seq, epoch }),

    /** Keeps the answer unless its host changed since the ticket; answers whether it was kept. */
    keep(ticket: CacheTicket, hostId: string, key: string, answer: CachedAnswer): boolean {
      if (changedSince(ticket, hostId)) return false;
      forget(key);
      entries.set(key, { hostId, answer, bytes: answer.body.length });
      const keys = keysOf.get(hostId) ?? new Set();
      keysOf.set(hostId, keys.add(key));
      bytes += answer.body.length;
      evictOverBudget();
      return true;
    },

    /** A compressed form was added to a kept answer: it counts toward the budget from now on. */
    grew(key: string, extraBytes: number) {
      const entry = entries.get(key);
      if (!entry) return;
      entry.bytes += extraBytes;
      bytes += extraBytes;
      evictOverBudget();
    },

    /** Something that shapes this host's slots changed: its answers go, and reads under way are not kept. */
    dropHost(hostId: string) {
      seq += 1;
      changes.push(hostId);
      if (changes.length > HISTORY) changes.shift();
      for (const key of [...(keysOf.get(hostId) ?? [])]) forget(key);
    },

    /** Events may be missed from now on (false) or are heard again (true): nothing held can be trusted. */
    deliveryChanged(receiving: boolean) {
      trusted = receiving;
      epoch += 1;
      for (const key of [...entries.keys()]) forget(key);
    },

    get size() {
      return { entries: entries.size, bytes, hosts: keysOf.size };
    },
  };
}
export type SlotAnswerCache = ReturnType<typeof createSlotAnswerCache>;
