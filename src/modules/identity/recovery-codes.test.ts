import { describe, expect, it } from 'vitest';
import { newRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, recoveryCodeHash } from './recovery-codes.js';

describe('recovery codes', () => {
  it('are ten different codes of seven groups of four unambiguous symbols', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){6}$/);
  });

  it('use every symbol of the alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, newRecoveryCode).join('').replaceAll('-', ''));
    expect(seen.size).toBe(32);
  });

  it('match however they are typed', () => {
    const code = 'AB1D-0EFG-HJKM-NPQR-STVW-XYZ2-3456';
    expect(normalizeRecoveryCode(' ab1d 0efg-hjkm-npqr-stvw-xyz2-3456 ')).toBe(normalizeRecoveryCode(code));
    expect(recoveryCodeHash('abld-oefg hjkm npqr stvw xyz2 3456')).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash('AB1D-0EFG-HJKM-NPQR-STVW-XYZ2-3457')).not.toBe(recoveryCodeHash(code));
  });
});
