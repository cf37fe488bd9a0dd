import { describe, expect, it } from 'vitest';
import { colorOf, TYPE_COLORS } from './typeColors';

describe('a meeting type’s colour', () => {
  it('is its own when set, else a palette colour that stays the same for the type', () => {
    expect(colorOf({ id: 'a', color: '#123456' })).toBe('#123456');
    const id = '5b0b8a3e-7f36-4a52-9d8e-0c8f1f0e2d11';
    const picked = colorOf({ id, color: null });
    expect(TYPE_COLORS.map((c) => c.value)).toContain(picked);
    expect(colorOf({ id, color: null })).toBe(picked);
    const spread = new Set(Array.from({ length: 40 }, (_, n) => colorOf({ id: `type-${n}`, color: null })));
    expect(spread.size).toBeGreaterThan(4);
  });
});
