import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalid } from '../../lib/errors.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { keepRawJson } from '../../server/plugins/raw-json.js';
import type { InboundVerifier } from '../webhooks/types.js';
import type { Workflows } from './service.js';

const actionBody = z.object({
  workflowId: z.uuid(),
  actionIndex: z.number().int().min(0),
  bookingUid: z.string().optional(),
});

/** The brief's signed workflow hook. Signature, freshness and replay are enforced now; see the service for the rest. */
export function workflowRoutes(app: FastifyInstance, deps: { workflows: Workflows; verifyInbound: InboundVerifier }) {
  void app.register(async (scope) => {
    keepRawJson(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/workflows/execute-action',
      {
        schema: {
          tags: ['inbound webhooks'],
          summary:
            'Run one action of a workflow. Signed with Standard Webhooks headers; body {"workflowId","actionIndex","bookingUid"?}',
          response: errorAnswers(401, 404, 409),
        },
      },
      async (req) => {
        const parsed = actionBody.safeParse(await deps.verifyInbound(req));
        if (!parsed.success) throw invalid({ workflowId: 'Give the workflow id and action index.' });
        return deps.workflows.executeAction(parsed.data);
      },
    );
  });
}
