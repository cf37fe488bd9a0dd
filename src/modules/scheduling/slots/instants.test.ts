import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './instants.js';

const anyInstant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });

describe('ISO instants', () => {
  it('formats exactly like toISOString', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
      }),
    );
    for (const ms of [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 2, 1), -1, Date.UTC(10_000, 0, 1)]) {
      expect(formatInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it('parses the canonical shapes like Date.parse', () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        expect(parseInstant(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(ms - (ms % 1000));
      }),
    );
  });

  it('parses offsets and other fraction lengths', () => {
    expect(parseInstant('2026-03-09T14:00:00+01:00')).toBe(Date.UTC(2026, 2, 9, 13));
    expect(parseInstant('2026-03-09T14:00:00.5Z')).toBe(Date.UTC(2026, 2, 9, 14, 0, 0, 500));
    expect(parseInstant('2026-03-09T14:00:00.123456Z')).toBe(Date.UTC(2026, 2, 9, 14, 0, 0, 123));
  });
});
