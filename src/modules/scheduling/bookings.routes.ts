import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import type { BookingsService } from './bookings.service.js';
import {
  bookBody,
  bookingListQuery,
  bookingListResponse,
  bookingResponse,
  hostActionBody,
  inviteeCancelBody,
  inviteeRescheduleBody,
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
        summary: 'Your bookings, filtered',
        querystring: bookingListQuery,
        response: { 200: bookingListResponse },
      },
    },
    async (req) => ({ bookings: await bookings.list(requirePrincipal(req), req.query) }),
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
        summary: 'Host actions: confirm, decline, cancel, no_show',
        params: uidParams,
        body: hostActionBody,
        response: { 200: bookingResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({
      booking: await bookings.hostAction(requirePrincipal(req), req.params.uid, req.body.action, req.body.reason),
    }),
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
