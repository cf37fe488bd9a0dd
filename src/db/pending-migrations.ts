import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Whether the database lacks a migration of this build, in one query. Drizzle applies every migration whose
 * journal time is later than the newest one recorded as applied, so none is pending when that newest time is at
 * least the journal's last; only then is migrate() (schema and table checks, a transaction, and on PostgreSQL a
 * connection of its own and the lock) skipped. A database that has never been migrated has no such table yet.
 */
export async function migrationsPending(
  query: (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>,
): Promise<boolean> {
  const latest = Math.max(...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
  try {
    const { rows } = await query('select max(created_at) >= $1 as current from drizzle.__drizzle_migrations', [latest]);
    return (rows[0] as { current: boolean | null } | undefined)?.current !== true;
  } catch (error) {
    if (['3F000', '42P01'].includes((error as { code?: string }).code ?? '')) return true;
    throw error;
  }
}
