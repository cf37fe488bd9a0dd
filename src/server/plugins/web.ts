import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../lib/errors.js';

/**
 * Serves the Vite build. Unknown non-API GETs get index.html so client-side routes (/alice/intro,
 * /booking/…) load the app; unknown API paths keep the JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string) {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.log.warn({ webRoot }, 'web app not built; run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw notFound('That API route');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
