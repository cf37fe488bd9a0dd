import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import type { Analytics } from './service.js';

const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 instant.' });

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
        body: z.object({
          user: z.string().min(1).max(64),
          type: z.string().min(1).max(64),
          event: z.enum(['page_view', 'slot_view']),
        }),
        response: { 202: z.object({ recorded: z.boolean() }) },
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
        querystring: z.object({ from: instant, to: instant }),
        response: {
          200: z.object({
            pageViews: z.number(),
            slotViews: z.number(),
            bookings: z.number(),
            cancellations: z.number(),
            reschedules: z.number(),
            noShows: z.number(),
            conversionRate: z.number(),
            byType: z.array(
              z.object({
                typeId: z.uuid(),
                title: z.string(),
                pageViews: z.number(),
                bookings: z.number(),
                conversionRate: z.number(),
              }),
            ),
            byDay: z.array(z.object({ date: z.string(), bookings: z.number() })),
          }),
        },
      },
    },
    async (req) => {
      const principal = requirePrincipal(req);
      return analytics.report(principal, req.query, await timeZoneOf(principal.userId));
    },
  );
}
