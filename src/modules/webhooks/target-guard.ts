import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

const globalUnicast = ipaddr.parseCIDR('2000::/3');
const nat64 = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * Webhook URLs are chosen by tenants, so by default deliveries only go to public internet addresses: a tenant
 * must not reach the server's own network (SSRF). The check runs on the address the socket actually connects
 * to, so a name that resolves differently the second time (DNS rebinding) gains nothing.
 *
 * IPv6 counts only inside global unicast (2000::/3), which leaves out the IPv4-compatible and IPv4-mapped
 * forms (`::7f00:1`, `::ffff:10.0.0.1`) through which an IPv6 address can lead to a private IPv4 host. Of the
 * forms that embed an IPv4 address only well-known NAT64 is kept, judged by the address it embeds, because
 * IPv6-only networks with DNS64 reach every IPv4 site through it; 6to4 and Teredo are obsolete and refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  if (v6.match(nat64)) {
    const [, , , , , , high, low] = v6.parts;
    return isPublicAddress(ipaddr.fromByteArray([high! >> 8, high! & 0xff, low! >> 8, low! & 0xff]).toString());
  }
  return v6.match(globalUnicast) && v6.range() === 'unicast';
}

/** The host without IPv6 brackets or the trailing dot of a fully qualified name (`localhost.` is localhost). */
const bareHost = (url: URL) =>
  url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** An IP literal outside the public ranges: no lookup happens for it, so it is checked on its own. */
const isPrivateLiteral = (host: string) => isIP(host) !== 0 && !isPublicAddress(host);

/** Caught when the URL is saved, before any delivery: IP literals of private ranges and localhost names. */
export function isObviouslyPrivate(url: URL): boolean {
  const host = bareHost(url);
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateLiteral(host);
}

/**
 * One message whether the name does not exist or names a private address, so the delivery log cannot be used
 * to find out which internal host names exist.
 */
export const UNREACHABLE_TARGET =
  'Could not reach the endpoint: its name does not resolve to a public internet address.';

class UnreachableTargetError extends Error {
  constructor() {
    super(UNREACHABLE_TARGET);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error || addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address)))
      return callback(new UnreachableTargetError(), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/**
 * POSTs a body and resolves with the answer's status; redirects are not followed. `timeoutMs` is a deadline for
 * the whole exchange, counted from the start: a receiver that trickles bytes cannot hold a delivery longer.
 */
export function postTo(
  url: string,
  o: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const target = new URL(url);
  if (!o.allowPrivate && isPrivateLiteral(bareHost(target))) {
    return Promise.reject(new UnreachableTargetError());
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
        ...(o.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        // The status decides the outcome; the body is drained only until the deadline cuts it off.
        res.on('error', () => {});
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new Error(`The endpoint did not answer within ${o.timeoutMs / 1000} s.`)),
      o.timeoutMs,
    );
    req.on('close', () => clearTimeout(deadline));
    req.on('error', reject);
    req.end(o.body);
  });
}
