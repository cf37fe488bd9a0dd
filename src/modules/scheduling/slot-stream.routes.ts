import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tooManyRequests } from '../../lib/errors.js';
import type { EventBus } from '../../lib/event-bus.js';
import { createSseHub } from '../../lib/sse-hub.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { openConnectionLimit } from '../../server/plugins/rate-limit.js';
import { pageViewer } from './page-viewer.js';
import { slotStreamQuery } from './schemas.js';
import type { SlotsService } from './slots.service.js';
import { slotTopic } from './slot-events.js';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3000;
/** Each open booking page holds one stream; more from one address on one node is not a person browsing. */
const OPEN_STREAMS_PER_IP = 20;
const STREAM_RETRY_AFTER_SECONDS = 30;
/** Hundreds of slot events; a page that has not read that many is not being read. */
const MAX_BUFFERED_BYTES = 64 * 1024;

/** Open booking pages hear when a slot of their host is taken or freed, from whichever node booked it. */
export function slotStreamRoutes(app: FastifyInstance, s: { slots: SlotsService; bus: EventBus }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const streams = createSseHub(s.bus, {
    event: 'slots',
    heartbeatMs: HEARTBEAT_MS,
    retryMs: RETRY_MS,
    maxBufferedBytes: MAX_BUFFERED_BYTES,
    log: app.log,
  });
  app.addHook('onClose', async () => streams.close());
  const openStreams = openConnectionLimit(OPEN_STREAMS_PER_IP);
  const viewer = pageViewer(app);

  r.get(
    '/api/meetings/slots/stream',
    {
      schema: {
        tags: ['slots'],
        summary: 'Server-Sent Events: `slots` events when a slot of this page is taken or freed',
        querystring: slotStreamQuery,
        response: errorAnswers(404, 429),
      },
    },
    async (req, reply) => {
      const { host } = await s.slots.resolvePage(req.query.user, req.query.type, viewer(req));
      const release = openStreams.acquire(req.ip);
      if (!release) throw tooManyRequests(STREAM_RETRY_AFTER_SECONDS);
      reply.hijack();
      streams.open(slotTopic(host.id), reply.raw, {
        headers: {
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': req.id,
        },
        onClose: release,
      });
    },
  );
}
