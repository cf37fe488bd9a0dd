import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { FastifyError, FastifyRequest } from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { toErrorResponse } from './errors.js';

const request = { id: 'req-1' } as FastifyRequest;
const respond = (error: unknown) => toErrorResponse(error as FastifyError, request);

/** A server error as node-postgres builds it from the wire. */
function serverError(code: string, severity: string, message: string) {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  error.severity = severity;
  return error;
}
/** What Drizzle throws around a driver error. */
const wrapped = (cause: Error) => new DrizzleQueryError('select 1', [], cause);
const nodeError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('toErrorResponse for database outages', () => {
  it.each([
    ['a terminated backend (57P01)', wrapped(serverError('57P01', 'FATAL', 'terminating connection'))],
    ['a server starting up (57P03)', serverError('57P03', 'FATAL', 'the database system is starting up')],
    ['too many connections (53300)', serverError('53300', 'FATAL', 'sorry, too many clients already')],
    ['a connection exception (08006)', wrapped(serverError('08006', 'ERROR', 'connection failure'))],
    [
      'a database not accepting connections (FATAL 55000)',
      serverError('55000', 'FATAL', 'database "x" is not currently accepting connections'),
    ],
    ['a refused connection', wrapped(nodeError('ECONNREFUSED'))],
    ['a reset connection', nodeError('ECONNRESET')],
    ['a timed-out connect', nodeError('ETIMEDOUT')],
    ['every address refused', new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED')])],
    ['a dropped socket', wrapped(new Error('Connection terminated unexpectedly'))],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
  ])('answers 503 service_unavailable with Retry-After for %s', (_what, error) => {
    const res = respond(error);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service_unavailable');
    expect(res.body.error.message).toMatch(/try again/i);
    expect(res.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('answers 503 busy with Retry-After when a lock wait timed out (55P03)', () => {
    const res = respond(wrapped(serverError('55P03', 'ERROR', 'canceling statement due to lock timeout')));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('busy');
    expect(res.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('still answers 500 for a statement the database rejected', () => {
    const res = respond(wrapped(serverError('22P02', 'ERROR', 'invalid input syntax for type uuid')));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(res.retryAfterSeconds).toBeUndefined();
  });

  it('gives a 503 of the app its Retry-After too', () => {
    const res = respond(new AppError(503, 'database_unavailable', 'The database is not reachable.'));
    expect(res.status).toBe(503);
    expect(res.retryAfterSeconds).toBeGreaterThan(0);
  });
});
