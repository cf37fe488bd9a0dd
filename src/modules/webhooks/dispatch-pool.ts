/**
 * Keeps up to `size` deliveries in flight and claims the next ones as soon as any finishes, so one slow
 * receiver holds its own slots and never the work behind it (no batch waits for its slowest member).
 * One pool runs per process: a call while it runs asks it to look for due work again and waits with it.
 */
export function createDispatchPool<T>(o: {
  size: number;
  claim: (limit: number) => Promise<T[]>;
  run: (item: T) => Promise<void>;
}) {
  let running: Promise<void> | undefined;
  let lookAgain = false;
  let wake = () => {};

  const signal = () => {
    lookAgain = true;
    wake();
  };

  async function pump() {
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    for (;;) {
      lookAgain = false;
      const free = o.size - inFlight.size;
      const claimed = free > 0 ? await o.claim(free) : [];
      for (const item of claimed) {
        const done: Promise<void> = o
          .run(item)
          // A failed run leaves its lease to run out, so the item is claimed again later; the first error is
          // still reported once the pool drains.
          .catch((e: unknown) => void (failure ??= e))
          .finally(() => {
            inFlight.delete(done);
            signal();
          });
        inFlight.add(done);
      }
      if (!claimed.length && !inFlight.size && !lookAgain) break;
      if (!lookAgain) await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure !== undefined) throw failure;
  }

  /** Resolves once nothing due is left to claim and every delivery this pool started has finished. */
  return function dispatch(): Promise<void> {
    if (running) {
      signal();
      return running;
    }
    running = pump().finally(() => {
      running = undefined;
      wake = () => {};
    });
    return running;
  };
}
