import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { encodingFor, etagMatches } from '../../lib/encoded-body.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import type { AvailabilityService } from './availability.service.js';
import type { MeetingTypesService } from './meeting-types.service.js';
import { pageViewer } from './page-viewer.js';
import {
  availabilitySchema,
  meetingTypeCreateBody,
  meetingTypeDeleteQuery,
  meetingTypeDeleteResponse,
  meetingTypeListResponse,
  meetingTypePatchBody,
  meetingTypeResponse,
  notModified,
  publicPageResponse,
  publicProfileResponse,
  slotsQuery,
  slotsResponse,
} from './schemas.js';
import type { SlotsService } from './slots.service.js';

const idParams = z.object({ id: z.uuid() });
/** A booking page asks for a month or two at a time; this leaves room for many visitors behind one address. */
const SLOTS_PER_IP_PER_MINUTE = 300;

export function schedulingRoutes(
  app: FastifyInstance,
  s: { meetingTypes: MeetingTypesService; availability: AvailabilityService; slots: SlotsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = { preHandler: app.requireAuth };
  const tags = ['meeting types'];

  r.get(
    '/api/meetings/types',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Your meeting types',
        response: { 200: meetingTypeListResponse },
      },
    },
    async (req) => ({
      meetingTypes: await s.meetingTypes.list(requirePrincipal(req)),
    }),
  );

  r.post(
    '/api/meetings/types',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Create a meeting type',
        body: meetingTypeCreateBody,
        response: { 201: meetingTypeResponse, ...errorAnswers(409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ meetingType: await s.meetingTypes.create(requirePrincipal(req), req.body) }),
  );

  r.get(
    '/api/meetings/types/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'One meeting type',
        params: idParams,
        response: { 200: meetingTypeResponse },
      },
    },
    async (req) => ({
      meetingType: await s.meetingTypes.get(requirePrincipal(req), req.params.id),
    }),
  );

  r.patch(
    '/api/meetings/types/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Change some fields of a meeting type',
        params: idParams,
        body: meetingTypePatchBody,
        response: { 200: meetingTypeResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ meetingType: await s.meetingTypes.update(requirePrincipal(req), req.params.id, req.body) }),
  );

  r.delete(
    '/api/meetings/types/:id',
    {
      ...auth,
      schema: {
        tags,
        summary:
          'Delete a meeting type. Upcoming bookings answer 409 type_has_bookings unless cancelBookings=true cancels them (invitees are told); a type with past bookings is archived to keep their history',
        params: idParams,
        querystring: meetingTypeDeleteQuery,
        response: { 200: meetingTypeDeleteResponse, ...errorAnswers(409) },
      },
    },
    async (req) => {
      const { cancelBookings, reason } = req.query;
      const result = await s.meetingTypes.remove(requirePrincipal(req), req.params.id, {
        cancelBookings: cancelBookings === 'true',
        reason,
      });
      return { ok: true as const, ...result };
    },
  );

  r.post(
    '/api/meetings/types/:id/duplicate',
    {
      ...auth,
      schema: {
        tags,
        summary:
          'Copy a meeting type: "(copy)" after its title, the next free slug of <slug>-copy, <slug>-copy-2, …; the copy starts turned off',
        params: idParams,
        response: { 201: meetingTypeResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ meetingType: await s.meetingTypes.duplicate(requirePrincipal(req), req.params.id) }),
  );

  r.get(
    '/api/meetings/availability',
    {
      ...auth,
      schema: {
        tags: ['availability'],
        summary: 'Your weekly hours and date overrides',
        response: { 200: availabilitySchema },
      },
    },
    async (req) => s.availability.get(requirePrincipal(req)),
  );

  r.put(
    '/api/meetings/availability',
    {
      ...auth,
      schema: {
        tags: ['availability'],
        summary: 'Replace your weekly hours and date overrides',
        body: availabilitySchema,
        response: { 200: availabilitySchema },
      },
    },
    async (req) => s.availability.replace(requirePrincipal(req), req.body),
  );

  const viewer = pageViewer(app);
  const pageParams = z.object({ username: z.string().min(1).max(64), slug: z.string().min(1).max(64) });
  r.get(
    '/api/public/users/:username',
    {
      schema: {
        tags: ['public pages'],
        summary: 'A host’s profile: name and listed meeting types',
        params: pageParams.pick({ username: true }),
        response: { 200: publicProfileResponse },
      },
    },
    async (req) => s.slots.profile(req.params.username),
  );

  r.get(
    '/api/public/users/:username/types/:slug',
    {
      schema: {
        tags: ['public pages'],
        summary: 'What a booking page shows: host, meeting type and its questions',
        params: pageParams,
        response: { 200: publicPageResponse },
      },
    },
    async (req, reply) => {
      const page = await s.slots.page(req.params.username, req.params.slug, viewer(req));
      // A preview is its host's alone: no shared cache may keep it for others.
      if (!page.meetingType.isActive) reply.header('cache-control', 'private, no-store');
      return page;
    },
  );

  const slotLimits = rateLimited(app, [
    { name: 'slots-ip', max: SLOTS_PER_IP_PER_MINUTE, timeWindowMs: 60_000, key: (req) => req.ip },
  ]);

  r.get(
    '/api/meetings/slots',
    {
      preHandler: slotLimits,
      schema: {
        tags: ['slots'],
        summary: 'Bookable slots of a public meeting type (no auth)',
        querystring: slotsQuery,
        response: { 200: slotsResponse, 304: notModified, ...errorAnswers(404) },
      },
    },
    async (req, reply) => {
      const answer = await s.slots.answer(req.query, viewer(req));
      // Shared answers may be kept by the browser but are checked every time: the ETag makes that a 304.
      reply.header('cache-control', answer.preview ? 'private, no-store' : 'no-cache');
      reply.header('etag', answer.etag);
      reply.header('vary', 'accept-encoding');
      // The body is sent as the bytes the cache holds, past the schema's serializer (it was made from the same
      // engine output the schema describes).
      const bytes: FastifyReply = reply;
      if (etagMatches(req.headers['if-none-match'], answer.etag)) return bytes.code(304).send();
      const encoding = encodingFor(req.headers['accept-encoding'], answer.body.length);
      bytes.header('content-type', 'application/json; charset=utf-8');
      if (!encoding) return bytes.send(answer.body);
      bytes.header('content-encoding', encoding);
      return bytes.send(s.slots.encoded(answer, encoding));
    },
  );
}
