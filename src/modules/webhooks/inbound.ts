import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import { inboundWebhookReceipts } from '../../db/schema/index.js';
import { badRequest, unauthorized } from '../../lib/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

/**
 * Verifies Standard Webhooks signatures (HMAC-SHA256, 5-minute tolerance, constant-time comparison, done by the
 * `standardwebhooks` library) on the exact bytes received, then remembers the message id so a captured request
 * cannot be replayed within or after the tolerance.
 */
export function createInboundVerifier(db: Database, secret: string) {
  const webhook = new Webhook(secret);
  const rejected = (why: string) =>
    unauthorized('webhook_signature_invalid', `The webhook signature is invalid: ${why}.`);

  return async function verify(request: FastifyRequest): Promise<unknown> {
    const headers = {
      'webhook-id': String(request.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(request.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(request.headers['webhook-signature'] ?? ''),
    };
    if (!headers['webhook-id'] || !headers['webhook-timestamp'] || !headers['webhook-signature'])
      throw rejected('headers are missing');
    try {
      webhook.verify(request.rawBody ?? '', headers);
    } catch (error) {
      throw rejected(error instanceof Error ? error.message.replace(/\.$/, '').toLowerCase() : 'unverifiable');
    }
    try {
      await db.insert(inboundWebhookReceipts).values({ messageId: headers['webhook-id'] });
    } catch (error) {
      if (uniqueViolation(error) !== undefined) throw rejected('this message was already received');
      throw error;
    }
    try {
      return JSON.parse(request.rawBody ?? '');
    } catch {
      throw badRequest('malformed_json', 'The request body is not valid JSON.');
    }
  };
}

/** Keeps the raw JSON text for signature checks in this plugin's routes; parsing happens after verification. */
export function keepRawJson(scope: FastifyInstance) {
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    done(null, undefined);
  });
}
