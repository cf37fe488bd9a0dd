import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isObviouslyPrivate, isPublicAddress, postTo } from './target-guard.js';

describe('isPublicAddress', () => {
  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82a::200e',
    // NAT64 of a public IPv4 address: how IPv6-only networks with DNS64 reach IPv4 sites.
    '64:ff9b::808:808',
  ])('accepts the public address %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:8.8.8.8',
    '::127.0.0.1',
    '::7f00:1',
    '::a00:1',
    '64:ff9b::a00:1',
    '64:ff9b::7f00:1',
    '64:ff9b:1::808:808',
    '2002:7f00:1::',
    '2002:a00:1::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:db8::1',
    'ff02::1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('isObviouslyPrivate', () => {
  it.each([
    'http://localhost/',
    'http://localhost.:8080/',
    'http://api.localhost./',
    'http://LOCALHOST/',
    'http://[::127.0.0.1]/',
    'http://[::7f00:1]/',
    'http://[64:ff9b::a00:1]/',
    'http://127.0.0.1./',
  ])('catches %s when the URL is saved', (url) => {
    expect(isObviouslyPrivate(new URL(url))).toBe(true);
  });

  it('lets ordinary names through to the check at connect time', () => {
    expect(isObviouslyPrivate(new URL('https://hooks.example.com./tuskhub'))).toBe(false);
  });
});

describe('postTo under the default configuration', () => {
  let reached = 0;
  const receiver = createServer((_req, res) => {
    reached++;
    res.writeHead(204).end();
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

  const failure = (url: string) =>
    postTo(url, { headers: {}, body: '{}', timeoutMs: 5_000, allowPrivate: false }).then(
      () => 'delivered',
      (e: Error) => e.message,
    );

  it('gives one message for a name that resolves to loopback and a name that does not resolve', async () => {
    const resolvesPrivate = await failure(`http://localhost:${port}/hook`);
    const doesNotResolve = await failure('http://nothing.invalid/hook');
    expect(resolvesPrivate).toMatch(/does not resolve to a public internet address/);
    expect(doesNotResolve).toBe(resolvesPrivate);
    expect(resolvesPrivate).not.toMatch(/localhost|ENOTFOUND|127\.0\.0\.1/);
    expect(reached).toBe(0);
  });

  it('gives the same message for private literals, including IPv4-compatible IPv6', async () => {
    const messages = await Promise.all(
      [`http://127.0.0.1:${port}/`, `http://[::127.0.0.1]:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`].map(failure),
    );
    expect(new Set(messages)).toEqual(new Set([await failure('http://nothing.invalid/hook')]));
    expect(reached).toBe(0);
  });
});
