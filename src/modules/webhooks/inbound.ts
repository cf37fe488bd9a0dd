import type { FastifyRequest } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import { inboundWebhookReceipts } from '../../db/schema/index.js';
import { badRequest, unauthorized } from '../../lib/errors.js';
import type { InboundVerifier } from './types.js';

/**
 * Verifies Standard Webhooks signatures (HMAC-SHA256, 5-minute tolerance, constant-time comparison, done by the
 * `standardwebhooks` library) on the exact bytes received, then remembers the message id so a captured request
 * cannot be replayed within or after the tolerance. The routes keep `rawBody` with server/plugins/raw-json.ts.
 */
export function createInboundVerifier(db: Database, secret: string): InboundVerifier {
  const webhook = new Webhook(secret);
  const rejected = (why: string) =>
    unauthorized('webhook_signature_invalid', `The webhook signature is invalid: ${why}.`);

  return async function verify(request: FastifyRequest) {
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
