import { createHash } from 'node:crypto';

/**
 * The hash an Idempotency-Key is stored with, so a retry is told apart from another request under the same
 * key. The same body always hashes the same, whatever order its keys came in.
 */
export function requestFingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}
