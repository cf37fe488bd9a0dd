import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './request-fingerprint.js';

describe('request fingerprint', () => {
  it('is the same for the same body in any key order, at any depth', () => {
    const a = { user: 'hana', start: '2030-01-07T09:00:00Z', invitee: { name: 'Ivy', email: 'ivy@example.com' } };
    const b = { invitee: { email: 'ivy@example.com', name: 'Ivy' }, start: '2030-01-07T09:00:00Z', user: 'hana' };
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
    expect(requestFingerprint(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any value differs', () => {
    const base = { user: 'hana', answers: { q_topic: 'Pricing' } };
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, user: 'hanna' }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, answers: { q_topic: 'Support' } }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, notes: 'x' }));
  });
});
