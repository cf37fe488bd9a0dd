import { describe, expect, it } from 'vitest';
import { createSlotAnswerCache, type CachedAnswer } from './slot-answer-cache.js';

const answer = (text: string, lastValidAt = 1_000): CachedAnswer => ({
  body: Buffer.from(text),
  etag: `"${text}"`,
  lastValidAt,
  encoded: new Map(),
});

describe('the slots answer cache', () => {
  it('serves a kept answer until its last valid instant', () => {
    const cache = createSlotAnswerCache({ maxBytes: 1_000 });
    expect(cache.keep(cache.ticket(), 'h1', 'k', answer('a', 500))).toBe(true);
    expect(cache.get('k', 500)?.body.toString()).toBe('a');
    expect(cache.get('k', 501)).toBeUndefined();
    expect(cache.size.entries).toBe(0);
  });

  it("drops all of a host's answers, and only that host's, when it changes", () => {
    const cache = createSlotAnswerCache({ maxBytes: 1_000 });
    cache.keep(cache.ticket(), 'h1', 'a', answer('a'));
    cache.keep(cache.ticket(), 'h1', 'b', answer('b'));
    cache.keep(cache.ticket(), 'h2', 'c', answer('c'));
    cache.dropHost('h1');
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)?.body.toString()]).toEqual([
      undefined,
      undefined,
      'c',
    ]);
    expect(cache.size).toEqual({ entries: 1, bytes: 1, hosts: 1 });
  });

  it('does not keep an answer read while its host changed, but keeps one whose host did not', () => {
    const cache = createSlotAnswerCache({ maxBytes: 1_000 });
    const before = cache.ticket();
    cache.dropHost('h2');
    cache.dropHost('h1');
    cache.dropHost('h3');
    expect(cache.keep(before, 'h1', 'a', answer('stale'))).toBe(false);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.keep(before, 'h4', 'b', answer('fresh'))).toBe(true);
    expect(cache.keep(cache.ticket(), 'h1', 'a', answer('after'))).toBe(true);
  });

  it('does not keep an answer whose read began before the remembered history', () => {
    const cache = createSlotAnswerCache({ maxBytes: 1_000 });
    const before = cache.ticket();
    for (let i = 0; i < 5_000; i++) cache.dropHost(`other${i}`);
    expect(cache.keep(before, 'h1', 'a', answer('a'))).toBe(false);
  });

  it('serves and keeps nothing while events may be missed, and starts afresh when they are heard again', () => {
    const cache = createSlotAnswerCache({ maxBytes: 1_000 });
    cache.keep(cache.ticket(), 'h1', 'a', answer('a'));
    const during = cache.ticket();
    cache.deliveryChanged(false);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.keep(cache.ticket(), 'h1', 'a', answer('a'))).toBe(false);
    cache.deliveryChanged(true);
    // Read before the gap ended: the events it might have needed were missed.
    expect(cache.keep(during, 'h1', 'a', answer('a'))).toBe(false);
    expect(cache.keep(cache.ticket(), 'h1', 'a', answer('a'))).toBe(true);
  });

  it('lets the least recently used answers go to stay within its bytes, compressed forms included', () => {
    const cache = createSlotAnswerCache({ maxBytes: 10 });
    cache.keep(cache.ticket(), 'h1', 'a', answer('aaaa'));
    cache.keep(cache.ticket(), 'h1', 'b', answer('bbbb'));
    cache.get('a', 0);
    cache.keep(cache.ticket(), 'h2', 'c', answer('cccc'));
    expect([cache.get('a', 0) !== undefined, cache.get('b', 0) !== undefined, cache.get('c', 0) !== undefined]).toEqual(
      [true, false, true],
    );
    cache.grew('c', 3);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, bytes: 7, hosts: 1 });
  });
});
