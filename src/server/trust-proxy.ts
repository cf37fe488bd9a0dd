import { isIP } from 'node:net';
import { z } from 'zod';

/** No proxy, a number of proxy hops in front of the app, or the addresses (or CIDR ranges) of the proxies. */
export type TrustProxy = false | number | string[];

/** The names @fastify/proxy-addr understands for the reserved ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `true` means one proxy hop (the usual single reverse proxy), `false` none. Trusting every hop
 * would let a client choose its own address with a left-most X-Forwarded-For entry.
 */
export const trustProxySetting = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    if (value === '' || value === 'false' || value === '0') return false;
    if (value === 'true') return 1;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isAddressOrRange(entry));
    if (wrong.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `Use true, false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ranges (not ${wrong.join(', ')}).`,
    });
    return z.NEVER;
  });

/**
 * Fastify's own hop count trusts nothing (it cannot tell a proxy from a client), so a hop count becomes a
 * function: the first `hops` addresses, counted from the socket, are proxies.
 */
export function trustProxyOption(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust > 0 ? (_address, hop) => hop < trust : false;
  return trust;
}
