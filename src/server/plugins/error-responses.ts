import type { FastifyInstance, RouteOptions } from 'fastify';
import { errorResponse } from '../../lib/responses.js';

/**
 * Every API route declares the error answers it can give, all with the one error schema, so the OpenAPI document
 * shows them. Most follow from what a route is, and are added here when the route is registered:
 *
 * - 422 always: every route refuses NUL characters in its query string and path (nul-bytes.ts), and checks its
 *   schema's input; 500 and 503 always (a bug; the database or the rate limiter unreachable, a burst of bookings);
 * - 400, 413, 415 for routes that take a body (malformed JSON, too large, not JSON);
 * - 403 for writes: a cookie-authenticated write without a valid CSRF token (security.ts);
 * - 404 for routes with path parameters;
 * - whatever a preHandler marked with `answering` can give: 401 for requireAuth, 429 for rate limits.
 *
 * What only a route's own logic gives (409 slot_unavailable, a 404 for a page named in the query) the route
 * declares in its response table with `errorAnswers(…)`; declared codes are kept.
 */

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const answersOf = new WeakMap<object, readonly number[]>();

/** Marks a preHandler with the error statuses it can answer, for every route that uses it. */
export function answering<F extends object>(statuses: readonly number[], handler: F): F {
  answersOf.set(handler, statuses);
  return handler;
}

/** Response-table entries for error statuses a route gives itself. */
export const errorAnswers = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, errorResponse])) as Record<number, typeof errorResponse>;

function statusesOf(route: RouteOptions): number[] {
  const methods = [route.method].flat();
  const statuses = new Set([422, 500, 503]);
  if (methods.some((m) => WITH_BODY.has(m))) for (const s of [400, 413, 415]) statuses.add(s);
  if (methods.some((m) => WRITES.has(m))) statuses.add(403);
  if (route.url.includes('/:')) statuses.add(404);
  for (const handler of [route.preHandler ?? []].flat()) for (const s of answersOf.get(handler) ?? []) statuses.add(s);
  return [...statuses];
}

/** Register before the routes: only routes added afterwards get their error answers. */
export function declareErrorResponses(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    const schema = (route.schema ??= {});
    const response = (schema.response ??= {}) as Record<number, unknown>;
    for (const status of statusesOf(route)) response[status] ??= errorResponse;
  });
}
