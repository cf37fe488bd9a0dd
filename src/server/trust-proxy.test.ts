import { describe, expect, it } from 'vitest';
import { trustProxyOption, trustProxySetting } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('reads true as one hop and false, 0 or empty as none', () => {
    expect(trustProxySetting.parse('true')).toBe(1);
    expect(trustProxySetting.parse('false')).toBe(false);
    expect(trustProxySetting.parse('0')).toBe(false);
    expect(trustProxySetting.parse('')).toBe(false);
  });

  it('reads a hop count and a list of addresses and ranges', () => {
    expect(trustProxySetting.parse('2')).toBe(2);
    expect(trustProxySetting.parse('10.0.0.1, 192.168.0.0/16,fd00::/8,loopback')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses values that are neither, naming them', () => {
    const result = trustProxySetting.safeParse('yes, 10.0.0.0/33');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/not yes, 10\.0\.0\.0\/33/);
  });

  it('trusts exactly the configured number of hops, counted from the socket', () => {
    const trust = trustProxyOption(1);
    if (typeof trust !== 'function') throw new Error('expected a function');
    expect(trust('10.0.0.5', 0)).toBe(true);
    expect(trust('203.0.113.7', 1)).toBe(false);
    expect(trustProxyOption(false)).toBe(false);
  });
});
