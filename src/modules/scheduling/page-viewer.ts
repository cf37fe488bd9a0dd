import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Who looks at a public page, asked only when it matters: a host previews their own page while it is off;
 * everyone else finds nothing there.
 */
export const pageViewer = (app: FastifyInstance) => (req: FastifyRequest) => async () =>
  (await app.identifyViewer(req))?.userId;
