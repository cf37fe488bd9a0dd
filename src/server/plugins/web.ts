import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../lib/errors.js';

/**
 * Serves the Vite build. Hashed files under /assets never change, so browsers keep them for a year, and the
 * .br/.gz copies made at build time are sent to browsers that accept them. Every other non-API GET gets
 * index.html so client-side routes (/alice/intro, /booking/…) load the app; unknown API paths keep the
 * JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string) {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ webRoot }, 'web app not built; run `npm run build:web`');
    return;
  }
  await app.register(fastifyStatic, {
    root: join(webRoot, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw notFound('That API route');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(readFileSync(indexFile));
  });
}
