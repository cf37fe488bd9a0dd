import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { meetingWorkflows } from '../../db/schema/index.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { createInboundVerifier, keepRawJson } from '../webhooks/inbound.js';

const actionBody = z.object({
  workflowId: z.uuid(),
  actionIndex: z.number().int().min(0),
  bookingUid: z.string().optional(),
});

/**
 * The brief's signed workflow hook. Signature, freshness and replay are enforced now; running actions arrives
 * with the workflows feature, so a verified call for an existing workflow is refused honestly (409) rather
 * than pretended.
 */
export function workflowRoutes(app: FastifyInstance, deps: { db: Database; inboundWebhookSecret: string }) {
  void app.register(async (scope) => {
    keepRawJson(scope);
    const verify = createInboundVerifier(deps.db, deps.inboundWebhookSecret);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/workflows/execute-action',
      {
        schema: {
          tags: ['inbound webhooks'],
          summary:
            'Run one action of a workflow. Signed with Standard Webhooks headers; body {"workflowId","actionIndex","bookingUid"?}',
        },
      },
      async (req) => {
        const parsed = actionBody.safeParse(await verify(req));
        if (!parsed.success) throw invalid({ workflowId: 'Give the workflow id and action index.' });
        const [workflow] = await deps.db
          .select({ id: meetingWorkflows.id })
          .from(meetingWorkflows)
          .where(eq(meetingWorkflows.id, parsed.data.workflowId));
        if (!workflow) throw notFound('The workflow');
        throw new AppError(
          409,
          'workflow_actions_unavailable',
          'Workflow actions are not available in this version yet.',
        );
      },
    );
  });
}
