import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DbHandle } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';

export function healthRoute(app: FastifyInstance, handle: DbHandle) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ ok: z.literal(true), db: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      try {
        await handle.db.execute(sql`select 1`);
      } catch {
        throw new AppError(503, 'database_unavailable', 'The database is not reachable.');
      }
      return { ok: true as const, db: handle.kind };
    },
  );
}
