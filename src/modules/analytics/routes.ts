import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import { analyticsReportSchema, pageEventBody, pageEventResponse, reportQuery } from './schemas.js';
import type { Analytics } from './service.js';

export function analyticsRoutes(
  app: FastifyInstance,
  analytics: Analytics,
  timeZoneOf: (userId: string) => Promise<string>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/meetings/analytics/events',
    {
      preHandler: rateLimited(app, [{ name: 'analytics-ip', max: 120, timeWindowMs: 60_000, key: (req) => req.ip }]),
      schema: {
        tags: ['analytics'],
        summary: 'Record a page or slot view from a public booking page (no third-party tracker)',
        body: pageEventBody,
        response: { 202: pageEventResponse },
      },
    },
    async (req, reply) => {
      const recorded = await analytics.recordPageEvent(req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? '',
      });
      return reply.status(202).send({ recorded });
    },
  );

  r.get(
    '/api/meetings/analytics',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['analytics'],
        summary: 'Funnel and bookings per day for your meeting types; days are in your time zone',
        querystring: reportQuery,
        response: { 200: analyticsReportSchema },
      },
    },
    async (req) => {
      const principal = requirePrincipal(req);
      return analytics.report(principal, req.query, await timeZoneOf(principal.userId));
    },
  );
}
