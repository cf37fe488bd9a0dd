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

/**
 * SQLSTATEs that mean the connection or the server failed, not the statement: shutdowns (57P01-57P03), connection
 * exceptions (class 08) and too many connections (53300).
 */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres reports a dropped socket or a full pool by message alone, without a code. */
const CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /is not queryable$/];

function causes(error: unknown): object[] {
  const chain: object[] = [];
  for (let e = error; e && typeof e === 'object' && !chain.includes(e); e = (e as { cause?: unknown }).cause) {
    chain.push(e);
    // A connect to a name with several addresses fails with one AggregateError holding each attempt's error.
    if (e instanceof AggregateError) chain.push(...e.errors.filter((x): x is object => !!x && typeof x === 'object'));
  }
  return chain;
}

/**
 * True when the database could not be reached or dropped the connection (an outage, a restart, a full pool),
 * rather than rejecting the statement. FATAL errors always end the session, e.g. a database that is not
 * accepting connections (55000 at connect).
 */
export function isConnectionFailure(error: unknown): boolean {
  return causes(error).some((e) => {
    const { code, severity, message } = e as { code?: unknown; severity?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return true;
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    return typeof message === 'string' && CONNECTION_MESSAGES.some((m) => m.test(message));
  });
}

/** True when a statement gave up waiting for a lock (55P03 lock_not_available, raised by lock_timeout). */
export function isLockTimeout(error: unknown): boolean {
  return pgError(error)?.code === '55P03';
}

/** The constraint a foreign key violation (23503) broke, or undefined for any other error. */
export function foreignKeyViolation(error: unknown): string | undefined {
  const e = pgError(error);
  return e?.code === '23503' ? (e.constraint ?? '') : undefined;
}
