import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingWorkflows } from '../../db/schema/index.js';

export const workflowsRepo = {
  async exists(db: Database, id: string) {
    const [row] = await db
      .select({ id: meetingWorkflows.id })
      .from(meetingWorkflows)
      .where(eq(meetingWorkflows.id, id));
    return row !== undefined;
  },
};
