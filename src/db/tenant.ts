import { sql } from 'drizzle-orm';
import { APP_ROLE, type Database } from './client.js';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type TenantContext = { orgId: string; userId?: string | undefined };

/**
 * Runs fn in a transaction as the unprivileged app role with the tenant set, so row level security
 * limits every query to this organization even when a query forgets its WHERE clause.
 */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
    await tx.execute(
      sql`select set_config('app.org_id', ${ctx.orgId}, true), set_config('app.user_id', ${ctx.userId ?? ''}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    return fn(tx);
  });
}
