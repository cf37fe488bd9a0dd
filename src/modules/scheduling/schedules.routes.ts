import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import type { SchedulesService } from './schedules.service.js';
import {
  scheduleBody,
  scheduleDeleteResponse,
  scheduleListResponse,
  schedulePatchBody,
  scheduleResponse,
} from './schemas.js';

const idParams = z.object({ id: z.uuid() });

/** A host's named schedules; GET|PUT /api/meetings/availability stays the default one (routes.ts). */
export function scheduleRoutes(app: FastifyInstance, schedules: SchedulesService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = { preHandler: app.requireAuth };
  const tags = ['availability'];

  r.get(
    '/api/meetings/schedules',
    {
      ...auth,
      schema: { tags, summary: 'Your schedules, the default first', response: { 200: scheduleListResponse } },
    },
    async (req) => ({ schedules: await schedules.list(requirePrincipal(req)) }),
  );

  r.post(
    '/api/meetings/schedules',
    {
      ...auth,
      schema: {
        tags,
        summary:
          'Add a schedule (your first becomes the default). 409 schedule_name_taken for a name you already use (in any case), schedule_limit past 20',
        body: scheduleBody,
        response: { 201: scheduleResponse, ...errorAnswers(409) },
      },
    },
    async (req, reply) => reply.status(201).send({ schedule: await schedules.create(requirePrincipal(req), req.body) }),
  );

  r.get(
    '/api/meetings/schedules/:id',
    {
      ...auth,
      schema: { tags, summary: 'One schedule', params: idParams, response: { 200: scheduleResponse } },
    },
    async (req) => ({ schedule: await schedules.get(requirePrincipal(req), req.params.id) }),
  );

  r.put(
    '/api/meetings/schedules/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Replace a schedule’s name and hours',
        params: idParams,
        body: scheduleBody,
        response: { 200: scheduleResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ schedule: await schedules.update(requirePrincipal(req), req.params.id, req.body) }),
  );

  r.patch(
    '/api/meetings/schedules/:id',
    {
      ...auth,
      schema: {
        tags,
        summary:
          'Change some fields of a schedule; `isDefault: true` makes it the default in place of the old one (meeting types without a schedule of their own follow it)',
        params: idParams,
        body: schedulePatchBody,
        response: { 200: scheduleResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ schedule: await schedules.update(requirePrincipal(req), req.params.id, req.body) }),
  );

  r.delete(
    '/api/meetings/schedules/:id',
    {
      ...auth,
      schema: {
        tags,
        summary:
          'Delete a schedule; meeting types that used it follow the default from then on (movedMeetingTypes says how many). 409 schedule_is_default for the default while others exist, last_schedule for your only one',
        params: idParams,
        response: { 200: scheduleDeleteResponse, ...errorAnswers(409) },
      },
    },
    async (req) => schedules.remove(requirePrincipal(req), req.params.id),
  );
}
