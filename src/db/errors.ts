/** PostgreSQL error fields, found on the error itself or on a wrapper's cause (Drizzle wraps driver errors). */
type PgErrorFields = { code?: string; constraint?: string };

function pgError(error: unknown): PgErrorFields | undefined {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const fields = e as PgErrorFields;
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
  }
  return undefined;
}

/** The constraint a unique violation (23505) broke, or undefined for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = pgError(error);
  return e?.code === '23505' ? (e.constraint ?? '') : undefined;
}

/** True when an exclusion constraint (23P01) rejected the row, e.g. an overlapping booking. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === '23P01' && (constraint === undefined || e.constraint === constraint);
}
