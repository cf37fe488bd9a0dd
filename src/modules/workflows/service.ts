import type { Database } from '../../db/client.js';
import { AppError, notFound } from '../../lib/errors.js';
import { workflowsRepo } from './repo.js';

/**
 * Running actions arrives with the workflows feature, so a call for an existing workflow is refused honestly
 * (409) rather than pretended.
 */
export function createWorkflows(db: Database) {
  return {
    async executeAction(input: { workflowId: string; actionIndex: number; bookingUid?: string | undefined }) {
      if (!(await workflowsRepo.exists(db, input.workflowId))) throw notFound('The workflow');
      throw new AppError(
        409,
        'workflow_actions_unavailable',
        'Workflow actions are not available in this version yet.',
      );
    },
  };
}
export type Workflows = ReturnType<typeof createWorkflows>;
