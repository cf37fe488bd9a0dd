import type { FastifyInstance } from 'fastify';
import { invalid } from '../../lib/errors.js';
import { nulBytePaths } from '../../lib/validation.js';

const NUL_MESSAGE = 'Remove the NUL character (\\u0000): text cannot contain it.';

/**
 * PostgreSQL cannot store a NUL character in text, so every route refuses it up front, in the body, the query
 * string and the path, with the same 422 as any other invalid field (before route schemas run, so routes
 * without one are covered too).
 */
export function rejectNulBytes(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const parts = [
      ['body', request.body],
      ['query string', request.query],
      ['path', request.params],
    ] as const;
    for (const [where, value] of parts) {
      const paths = nulBytePaths(value);
      if (paths.length) {
        throw invalid(Object.fromEntries(paths.map((path) => [path, NUL_MESSAGE])), `The ${where} has invalid values.`);
      }
    }
  });
}
