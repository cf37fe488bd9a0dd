import { randomBytes } from 'node:crypto';
import { sha256 } from '../../lib/crypto.js';

export const RECOVERY_CODE_COUNT = 10;

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand has no look-alikes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SYMBOLS = 28;
const GROUP = 4;

/**
 * A recovery code: 28 symbols of 5 bits (140 bits from the CSPRNG), shown in groups of four. That much entropy
 * lets the codes be stored as plain SHA-256 hashes and found by hash, like session tokens.
 */
export function newRecoveryCode(): string {
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  const symbols = [...randomBytes(SYMBOLS)].map((byte) => ALPHABET[byte & 31]).join('');
  return symbols.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);

/**
 * What a person types, as stored: case, spaces and dashes do not matter, and the letters Crockford reads as
 * digits (O as 0, I and L as 1) count as those digits.
 */
export function normalizeRecoveryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const recoveryCodeHash = (input: string) => sha256(normalizeRecoveryCode(input));
