import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import { okResponse } from '../../lib/responses.js';
import {
  deliveryListResponse,
  deliveryResponse,
  endpointCreateBody,
  endpointCreatedResponse,
  endpointListResponse,
  endpointPatchBody,
  endpointResponse,
  WEBHOOK_TEST_EVENT,
} from './schemas.js';
import { MAX_ENDPOINTS_PER_ORG, type Webhooks } from './service.js';

const TESTS_PER_MINUTE = 10;

export function webhookRoutes(app: FastifyInstance, webhooks: Webhooks) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const auth = { preHandler: app.requireAuth };
  const idParams = z.object({ id: z.uuid() });
  // Per endpoint of a caller: a test is a request to someone else's server, which a loop must not flood.
  const testLimits = rateLimited(app, [
    {
      name: 'webhook-test',
      max: TESTS_PER_MINUTE,
      timeWindowMs: 60_000,
      key: (req) => `${req.principal?.userId}|${(req.params as { id: string }).id}`,
    },
  ]);

  r.get(
    '/api/webhooks/endpoints',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Your webhook endpoints',
        response: { 200: endpointListResponse },
      },
    },
    async (req) => ({
      endpoints: await webhooks.listEndpoints(requirePrincipal(req)),
    }),
  );

  r.post(
    '/api/webhooks/endpoints',
    {
      ...auth,
      schema: {
        tags,
        summary: `Register an endpoint (at most ${MAX_ENDPOINTS_PER_ORG} per organization, else 409 endpoint_limit); its signing secret is shown only in this answer`,
        body: endpointCreateBody,
        response: { 201: endpointCreatedResponse, ...errorAnswers(409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ endpoint: await webhooks.createEndpoint(requirePrincipal(req), req.body) }),
  );

  r.patch(
    '/api/webhooks/endpoints/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Change an endpoint’s URL or events, or pause (isActive: false) and resume it',
        params: idParams,
        body: endpointPatchBody,
        response: { 200: endpointResponse },
      },
    },
    async (req) => ({ endpoint: await webhooks.updateEndpoint(requirePrincipal(req), req.params.id, req.body) }),
  );

  r.delete(
    '/api/webhooks/endpoints/:id',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Remove an endpoint',
        params: idParams,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await webhooks.removeEndpoint(requirePrincipal(req), req.params.id);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/webhooks/endpoints/:id/deliveries',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Recent deliveries to an endpoint with their status and response code',
        params: idParams,
        response: { 200: deliveryListResponse },
      },
    },
    async (req) => ({ deliveries: await webhooks.deliveries(requirePrincipal(req), req.params.id) }),
  );

  r.post(
    '/api/webhooks/endpoints/:id/test',
    {
      preHandler: [app.requireAuth, testLimits],
      schema: {
        tags,
        summary: `Send a test event (${WEBHOOK_TEST_EVENT}) to an endpoint, signed like any delivery`,
        description:
          `Queues a made-up booking, marked \`test: true\`, and answers 202 with its delivery, which the deliveries ` +
          `list shows once sent (tried once, not retried). At most ${TESTS_PER_MINUTE} a minute per endpoint (429).`,
        params: idParams,
        response: { 202: deliveryResponse },
      },
    },
    async (req, reply) =>
      reply.status(202).send({ delivery: await webhooks.sendTest(requirePrincipal(req), req.params.id) }),
  );
}
