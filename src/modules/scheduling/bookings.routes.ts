import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import type { BookingsService } from './bookings.service.js';
import { BOOKING_PAGE_SIZE, MAX_BOOKING_PAGE_SIZE } from './bookings.rules.js';
import { CSV_ROW_CAP } from './host-bookings.service.js';
import {
  bookBody,
  bookingListQuery,
  bookingListResponse,
  bookingResponse,
  hostActionBody,
  hostNoteBody,
  inviteeCancelBody,
  inviteeRescheduleBody,
  rescheduleSlotsQuery,
  slotsResponse,
  tokenQuery,
} from './schemas.js';

const uidParams = z.object({ uid: z.string().regex(/^[0-9a-f]{30}$/, { message: 'Not a booking id.' }) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type InviteeLimits = { perBookingPerHour: number; perIpPerHour: number };

export function bookingRoutes(app: FastifyInstance, bookings: BookingsService, limits: InviteeLimits) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['bookings'];
  // Every booking change e-mails both people: these limits keep anonymous callers from mailing anyone at will.
  const bookLimits = rateLimited(app, [
    { name: 'book-ip', max: 10, timeWindowMs: MINUTE, key: (req) => req.ip },
    { name: 'book-ip-hour', max: 60, timeWindowMs: HOUR, key: (req) => req.ip },
  ]);
  // Cancel and reschedule share the counters: both are changes the invitee makes to one booking.
  const inviteeLimits = rateLimited(app, [
    {
      name: 'invitee-booking',
      max: limits.perBookingPerHour,
      timeWindowMs: HOUR,
      key: (req) => (req.params as { uid: string }).uid,
    },
    { name: 'invitee-ip', max: limits.perIpPerHour, timeWindowMs: HOUR, key: (req) => req.ip },
  ]);

  /**
   * The invitee's token is enough on its own: a stale session cookie in the same browser must not get in the
   * way. Without a token the caller must be the host.
   */
  async function hostUnlessToken(req: Parameters<typeof app.requireAuth>[0]) {
    if (!(req.query as { token?: string }).token) await app.requireAuth(req);
  }

  r.post(
    '/api/meetings/book',
    {
      preHandler: bookLimits,
      schema: {
        tags,
        summary: 'Book a slot (public). Send Idempotency-Key to make retries safe.',
        body: bookBody,
        headers: idempotencyHeaders,
        response: { 201: bookingResponse, ...errorAnswers(404, 409) },
      },
    },
    async (req, reply) => {
      const { booking, replayed } = await bookings.book(req.body, req.headers['idempotency-key']);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ booking });
    },
  );

  r.get(
    '/api/meetings/bookings',
    {
      preHandler: app.requireAuth,
      schema: {
        tags,
        summary: 'Your bookings, filtered; format=csv answers them as a CSV file',
        description:
          'status: upcoming or past on its own, or statuses separated by commas (cancelled,declined). q: part of the ' +
          "invitee's name or e-mail address, in any case. type: a meeting type's id or slug. from/to: the start in " +
          `[from, to). order: asc or desc by start (past: desc, others: asc). JSON answers a page of \`limit\` ` +
          `bookings (default ${BOOKING_PAGE_SIZE}, at most ${MAX_BOOKING_PAGE_SIZE}) and \`next\`, the \`cursor\` ` +
          'of the page after it (null on the last); a cursor is good only for the filters and order it came with ' +
          `(400 cursor_mismatch). CSV ignores limit and cursor and answers at most ${CSV_ROW_CAP} rows (the first by the ` +
          "list's order; X-Rows-Truncated: true when more matched), one per booking with its answers as columns " +
          'headed by their question, and no links or tokens; cells that a spreadsheet could read as a formula ' +
          "start with '.",
        querystring: bookingListQuery,
        response: {
          200: {
            description: 'The bookings',
            content: {
              'application/json': { schema: bookingListResponse },
              'text/csv': { schema: z.string() },
            },
          },
          ...errorAnswers(400),
        },
      },
    },
    async (req, reply) => {
      const principal = requirePrincipal(req);
      if (req.query.format !== 'csv') return reply.send(await bookings.list(principal, req.query));
      const { csv, truncated } = await bookings.exportCsv(principal, req.query);
      if (truncated) reply.header('x-rows-truncated', 'true');
      return reply
        .header('content-type', 'text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="bookings-${new Date().toISOString().slice(0, 10)}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  r.get(
    '/api/meetings/bookings/:uid',
    {
      preHandler: hostUnlessToken,
      schema: {
        tags,
        summary: 'One booking, for its host or for the invitee with ?token=',
        params: uidParams,
        querystring: tokenQuery,
        response: { 200: bookingResponse, ...errorAnswers(401) },
      },
    },
    async (req) => ({ booking: await bookings.getForCaller(req.principal, req.params.uid, req.query.token) }),
  );

  r.patch(
    '/api/meetings/bookings/:uid',
    {
      preHandler: app.requireAuth,
      schema: {
        tags,
        summary:
          'Host actions: confirm, decline, cancel, no_show, reschedule (with start: any time the type offers, minimum ' +
          'notice aside; 422 when not offered, 409 slot_unavailable when taken) and request_reschedule (cancels and ' +
          'e-mails the invitee a link to pick a new time)',
        params: uidParams,
        body: hostActionBody,
        response: { 200: bookingResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ booking: await bookings.hostAction(requirePrincipal(req), req.params.uid, req.body) }),
  );

  r.put(
    '/api/meetings/bookings/:uid/note',
    {
      preHandler: app.requireAuth,
      schema: {
        tags,
        summary:
          'Your private note on a booking (at most 5000 characters; empty clears it). Only your own views and your ' +
          "CSV export show it: never the invitee's view, e-mails, calendar files or webhooks",
        params: uidParams,
        body: hostNoteBody,
        response: { 200: bookingResponse },
      },
    },
    async (req) => ({ booking: await bookings.setNote(requirePrincipal(req), req.params.uid, req.body.note) }),
  );

  r.get(
    '/api/meetings/bookings/:uid/slots',
    {
      preHandler: app.requireAuth,
      schema: {
        tags,
        summary:
          'The times you may move a booking to: what its type offers, minimum notice aside, with the booking itself ' +
          'not in the way (at most 35 days per request)',
        params: uidParams,
        querystring: rescheduleSlotsQuery,
        response: { 200: slotsResponse },
      },
    },
    async (req) => bookings.rescheduleSlots(requirePrincipal(req), req.params.uid, req.query),
  );

  r.post(
    '/api/meetings/bookings/:uid/cancel',
    {
      preHandler: inviteeLimits,
      schema: {
        tags,
        summary: 'Invitee cancels with the manage token (limited per booking and per IP, shared with reschedule)',
        params: uidParams,
        body: inviteeCancelBody,
        response: { 200: bookingResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ booking: await bookings.inviteeCancel(req.params.uid, req.body.token, req.body.reason) }),
  );

  r.post(
    '/api/meetings/bookings/:uid/reschedule',
    {
      preHandler: inviteeLimits,
      schema: {
        tags,
        summary: 'Invitee moves the booking to another offered slot; the uid stays (limited per booking and per IP)',
        params: uidParams,
        body: inviteeRescheduleBody,
        response: { 200: bookingResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ booking: await bookings.inviteeReschedule(req.params.uid, req.body.token, req.body.start) }),
  );
}
