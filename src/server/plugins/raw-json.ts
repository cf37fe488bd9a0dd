import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body as received, for routes that check a signature over its exact bytes. */
    rawBody?: string;
  }
}

/** Keeps the raw JSON text for signature checks in this plugin's routes; parsing happens after verification. */
export function keepRawJson(scope: FastifyInstance) {
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    done(null, undefined);
  });
}
