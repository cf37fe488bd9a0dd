import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { claimDueIds } from '../../jobs/lease.js';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import type { Tx } from '../../db/tenant.js';

/** What the host sees of an endpoint: never its sealed secret. */
const endpointSummary = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  isActive: webhookEndpoints.isActive,
  createdAt: webhookEndpoints.createdAt,
};

export type EndpointSummary = { id: string; url: string; events: string[]; isActive: boolean; createdAt: Date };

export const webhooksRepo = {
  async insertEndpoint(tx: Tx, values: typeof webhookEndpoints.$inferInsert) {
    const [row] = await tx.insert(webhookEndpoints).values(values).returning(endpointSummary);
    return row!;
  },

  listEndpoints: (tx: Tx, userId: string) =>
    tx
      .select(endpointSummary)
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, userId))
      .orderBy(webhookEndpoints.createdAt),

  async updateEndpoint(
    tx: Tx,
    userId: string,
    id: string,
    patch: Partial<Pick<typeof webhookEndpoints.$inferInsert, 'url' | 'events' | 'isActive'>>,
  ) {
    const [row] = await tx
      .update(webhookEndpoints)
      .set(patch)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)))
      .returning(endpointSummary);
    return row;
  },

  async removeEndpoint(tx: Tx, userId: string, id: string) {
    const rows = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)))
      .returning({ id: webhookEndpoints.id });
    return rows.length === 1;
  },

  async findEndpoint(tx: Tx, userId: string, id: string) {
    const [row] = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)));
    return row;
  },

  /** One pending delivery per active endpoint of the host that subscribed to the event. */
  async queueDeliveries(tx: Tx, orgId: string, userId: string, event: string, payload: Record<string, unknown>) {
    const endpoints = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.userId, userId),
          eq(webhookEndpoints.isActive, true),
          sql`${event} = any(${webhookEndpoints.events})`,
        ),
      );
    if (endpoints.length) {
      await tx.insert(webhookDeliveries).values(endpoints.map((e) => ({ orgId, endpointId: e.id, event, payload })));
    }
    return endpoints.length;
  },

  deliveries: (tx: Tx, endpointId: string) =>
    tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(100),

  /** Claims a batch of due deliveries under a lease (see claimDueIds). */
  async claimDue(db: Database, limit: number, leaseSeconds: number) {
    const ids = await claimDueIds(db, 'webhook_deliveries', limit, leaseSeconds);
    if (!ids.length) return [];
    return db
      .select({ delivery: webhookDeliveries, url: webhookEndpoints.url, secretSealed: webhookEndpoints.secretSealed })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(sql`${webhookDeliveries.id} in ${ids}`);
  },

  async recordAttempt(
    db: Database,
    id: string,
    outcome: { responseStatus: number | null; error: string | null; retryInSeconds: number | null; succeeded: boolean },
  ) {
    await db
      .update(webhookDeliveries)
      .set({
        responseStatus: outcome.responseStatus,
        lastError: outcome.error,
        leaseUntil: null,
        ...(outcome.succeeded
          ? { status: 'succeeded' as const, deliveredAt: sql`now()` }
          : outcome.retryInSeconds === null
            ? { status: 'dead' as const }
            : { nextAttemptAt: sql`now() + make_interval(secs => ${outcome.retryInSeconds})` }),
      })
      .where(eq(webhookDeliveries.id, id));
  },
};
