import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Webhook URLs are chosen by tenants, so by default deliveries only go to public internet addresses: a tenant
 * must not reach the server's own network (SSRF). The check runs on the address the socket actually connects
 * to, so a name that resolves differently the second time (DNS rebinding) gains nothing.
 */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';
}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** An IP literal outside the public ranges: no lookup happens for it, so it is checked on its own. */
const isPrivateLiteral = (host: string) => isIP(host) !== 0 && !isPublicAddress(host);

/** Caught when the URL is saved, before any delivery: IP literals of private ranges and localhost names. */
export function isObviouslyPrivate(url: URL): boolean {
  const host = bareHost(url);
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateLiteral(host);
}

class PrivateTargetError extends Error {
  constructor(host: string) {
    super(`Refused: ${host} is not a public internet address.`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || !addresses.every((a) => isPublicAddress(a.address)))
      return callback(new PrivateTargetError(hostname), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/** POSTs a body and resolves with the answer's status; redirects are not followed. */
export function postTo(
  url: string,
  o: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const target = new URL(url);
  const host = bareHost(target);
  if (!o.allowPrivate && isPrivateLiteral(host)) {
    return Promise.reject(new PrivateTargetError(host));
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
        timeout: o.timeoutMs,
        ...(o.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No answer within ${o.timeoutMs / 1000} s.`)));
    req.on('error', reject);
    req.end(o.body);
  });
}
