import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
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
  /**
   * Serialises endpoint creation within one organization until the transaction ends, so a count taken after it
   * cannot be outdated by a concurrent insert.
   */
  async lockEndpointsOf(tx: Tx, orgId: string) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${orgId}`}))`);
  },

  async countEndpointsOf(tx: Tx, orgId: string) {
    const [row] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
    return row!.n;
  },

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
      .select({ id: webhookEndpoints.id, orgId: webhookEndpoints.orgId })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.userId, userId)));
    return row;
  },

  /**
   * One pending delivery per active endpoint of the host that subscribed to the event, written by a single
   * INSERT … SELECT that returns a row per delivery (for writeInOneStatement to count).
   */
  deliveriesWrite(orgId: string, userId: string, event: string, payload: Record<string, unknown>) {
    const d = webhookDeliveries;
    const e = webhookEndpoints;
    const column = (c: AnyPgColumn) => sql.identifier(c.name);
    return sql`insert into ${d} (${column(d.orgId)}, ${column(d.endpointId)}, ${column(d.event)}, ${column(d.payload)})
      select ${orgId}::uuid, ${e.id}, ${event}::text, ${sql.param(payload, d.payload)}::jsonb from ${e}
      where ${and(eq(e.userId, userId), eq(e.isActive, true), sql`${event} = any(${e.events})`)}
      returning ${column(d.id)}`;
  },

  /** One delivery to one endpoint, whatever its events (a test the host asked for). */
  async insertDelivery(tx: Tx, values: typeof webhookDeliveries.$inferInsert) {
    const [row] = await tx.insert(webhookDeliveries).values(values).returning();
    return row!;
  },

  deliveries: (tx: Tx, endpointId: string) =>
    tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpointId))
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(100),

  /**
   * Claims up to `limit` due deliveries, oldest first, under a lease of `leaseSeconds`, taking no more from one
   * endpoint than brings its leased (in-flight) deliveries to `perEndpoint`: a slow endpoint then holds at most
   * that many of the dispatcher's slots. SKIP LOCKED gives concurrent dispatchers disjoint sets; a dispatcher
   * that dies leaves leases that run out, and those deliveries are claimed again.
   * The window function sits in a subquery because PostgreSQL refuses FOR UPDATE beside one.
   */
  async claimDue(db: Database, o: { limit: number; perEndpoint: number; leaseSeconds: number }) {
    const claimable = sql`status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())`;
    const claimed = await db.execute(sql`
      update webhook_deliveries
      set lease_until = now() + make_interval(secs => ${o.leaseSeconds}), attempts = attempts + 1
      where id in (
        select id from webhook_deliveries
        where ${claimable} and id in (
          select id from (
            select d.id, d.created_at,
              row_number() over (partition by d.endpoint_id order by d.created_at, d.id) as place,
              (select count(*) from webhook_deliveries l
                where l.endpoint_id = d.endpoint_id and l.status = 'pending' and l.lease_until >= now()) as in_flight
            from webhook_deliveries d
            where ${claimable}
          ) ranked
          where place + in_flight <= ${o.perEndpoint}
        )
        order by created_at
        limit ${o.limit}
        for update skip locked
      )
      returning id`);
    const ids = claimed.rows.map((r) => r.id as string);
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
