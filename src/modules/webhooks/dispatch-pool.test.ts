import { describe, expect, it } from 'vitest';
import { createDispatchPool } from './dispatch-pool.js';

/** Items whose runs finish only when the test says so, with a queue of due items to claim from. */
function harness(due: string[], size: number) {
  const finish = new Map<string, () => void>();
  const started: string[] = [];
  const claims: number[] = [];
  const dispatch = createDispatchPool({
    size,
    claim: async (limit) => {
      claims.push(limit);
      return due.splice(0, limit);
    },
    run: (item) =>
      new Promise<void>((resolve) => {
        started.push(item);
        finish.set(item, resolve);
      }),
  });
  const settle = () => new Promise((r) => setImmediate(r));
  return { dispatch, finish: (item: string) => finish.get(item)!(), started, claims, settle };
}

describe('createDispatchPool', () => {
  it('keeps at most `size` runs going and starts the next one as soon as any finishes', async () => {
    const h = harness(['slow', 'a', 'b', 'c'], 2);
    const done = h.dispatch();
    await h.settle();
    expect(h.started).toEqual(['slow', 'a']);
    h.finish('a');
    await h.settle();
    // 'slow' is still running: the freed slot went to the next item without waiting for it.
    expect(h.started).toEqual(['slow', 'a', 'b']);
    h.finish('b');
    await h.settle();
    expect(h.started).toEqual(['slow', 'a', 'b', 'c']);
    h.finish('c');
    h.finish('slow');
    await done;
    expect(Math.max(...h.claims)).toBeLessThanOrEqual(2);
  });

  it('lets a call made while it runs join it and picks up work that arrived meanwhile', async () => {
    const due = ['first'];
    const h = harness(due, 4);
    const done = h.dispatch();
    await h.settle();
    due.push('late');
    const joined = h.dispatch();
    await h.settle();
    expect(h.started).toEqual(['first', 'late']);
    h.finish('first');
    h.finish('late');
    await Promise.all([done, joined]);
  });

  it('reports a failed run once the others are done, and the next call starts afresh', async () => {
    let fail = true;
    const ran: string[] = [];
    const dispatch = createDispatchPool({
      size: 2,
      claim: async () => (ran.length < 2 ? ['x', 'y'].slice(ran.length, ran.length + 1) : []),
      run: async (item) => {
        ran.push(item);
        if (fail) throw new Error('database went away');
      },
    });
    await expect(dispatch()).rejects.toThrow('database went away');
    fail = false;
    await expect(dispatch()).resolves.toBeUndefined();
    expect(ran).toEqual(['x', 'y']);
  });
});
