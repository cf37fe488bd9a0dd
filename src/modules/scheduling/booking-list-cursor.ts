import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from '../../lib/errors.js';

/** Where a page of the host's list ends: its last booking's start, to the microsecond as stored, and id. */
export type ListKey = { start: string; id: string };

/** How the database writes a start for a cursor (to_char in the list's query): UTC, microseconds, Z. */
export const KEY_START_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';
const KEY_START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const payload = z.tuple([z.string().regex(KEY_START), z.guid(), z.string()]);

/** A real date and time, so that the database's cast never fails on a doctored one (2026-02-30T…). */
function isRealInstant(start: string) {
  const millis = `${start.slice(0, 23)}Z`;
  const parsed = Date.parse(millis);
  return Number.isFinite(parsed) && new Date(parsed).toISOString() === millis;
}

/**
 * What a cursor is valid for: the list's filters and order. A cursor used with others would skip or repeat
 * bookings without a word, so it is refused instead. The page size is left out: changing it between pages is
 * harmless.
 */
export const listFingerprint = (parts: readonly unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);

/**
 * The cursor is not signed: a made-up one only starts the host's own list at another place, as the filters
 * could; row level security and the host filter still bound what it reads.
 */
export const encodeCursor = (key: ListKey, fingerprint: string) =>
  Buffer.from(JSON.stringify([key.start, key.id, fingerprint])).toString('base64url');

export function decodeCursor(cursor: string, fingerprint: string): ListKey {
  let parsed: z.ZodSafeParseResult<z.output<typeof payload>> | undefined;
  try {
    parsed = payload.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success || !isRealInstant(parsed.data[0]))
    throw badRequest('invalid_cursor', 'This cursor is damaged: use the `next` of a page as it came.', {
      fields: { cursor: 'Not a cursor of this list.' },
    });
  const [start, id, madeFor] = parsed.data;
  if (madeFor !== fingerprint)
    throw badRequest(
      'cursor_mismatch',
      'This cursor belongs to other filters or another order: ask for the first page of this list again.',
      { fields: { cursor: 'Made for other filters or another order.' } },
    );
  return { start, id };
}
