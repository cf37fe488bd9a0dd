import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConnectionFailure, isLockTimeout } from '../../db/errors.js';
import { AppError } from '../../lib/errors.js';
import type { ErrorResponse as ErrorBody } from '../../lib/responses.js';

/** The answer to an error; retryAfterSeconds becomes the Retry-After header (429 and 503). */
export type ErrorResponse = { status: number; body: ErrorBody; retryAfterSeconds?: number };

/** A lock wait gave up: the host is taking a burst of bookings; a retry a moment later usually gets through. */
const BUSY_RETRY_SECONDS = 2;
/** The database is unreachable: a restart or failover takes a few seconds. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Framework errors that are the caller's fault, mapped to the contract's codes. */
const FRAMEWORK_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: 'The request body is empty.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send JSON (application/json).',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'malformed_request',
    message: 'The Content-Length header is wrong.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is too large.' },
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'csrf_invalid', message: 'The CSRF token is missing or invalid.' },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'csrf_invalid', message: 'The CSRF token is missing or invalid.' },
};

const GENERIC_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.status(status).type('application/json').send(body);
}

function fieldErrors(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.validation ?? []) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
    fields[path] ??= issue.message ?? 'Invalid value.';
  }
  return fields;
}

function retryAfterOf(error: AppError): number | undefined {
  if (error.statusCode === 429) return Number(error.details?.retryAfterSeconds ?? 60);
  if (error.statusCode === 503) return Number(error.details?.retryAfterSeconds ?? UNAVAILABLE_RETRY_SECONDS);
  return undefined;
}

/** Database failures that are not the request's fault and pass: 503 with a hint when to retry, not a 500. */
function databaseUnavailable(error: unknown): ErrorResponse | undefined {
  if (isLockTimeout(error)) {
    return {
      status: 503,
      retryAfterSeconds: BUSY_RETRY_SECONDS,
      body: {
        error: {
          code: 'busy',
          message: 'This calendar is taking many bookings right now. Try again in a few seconds.',
          details: { retryAfterSeconds: BUSY_RETRY_SECONDS },
        },
      },
    };
  }
  if (isConnectionFailure(error)) {
    return {
      status: 503,
      retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
      body: {
        error: {
          code: 'service_unavailable',
          message: 'The service is briefly unavailable. Try again in a few seconds.',
          details: { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
        },
      },
    };
  }
  return undefined;
}

export function toErrorResponse(error: FastifyError, request: FastifyRequest): ErrorResponse {
  if (error instanceof AppError) {
    const details = error.details ? { details: error.details } : {};
    const retryAfterSeconds = retryAfterOf(error);
    return {
      status: error.statusCode,
      body: { error: { code: error.code, message: error.message, ...details } },
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    return {
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message: `The ${where === 'querystring' ? 'query string' : where} has invalid values.`,
          details: { fields: fieldErrors(error) },
        },
      },
    };
  }
  const known = error.code ? FRAMEWORK_CLIENT_ERRORS[error.code] : undefined;
  if (known) return { status: known.status, body: { error: { code: known.code, message: known.message } } };
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { status: 400, body: { error: { code: 'malformed_json', message: 'The request body is not valid JSON.' } } };
  }
  const unavailable = databaseUnavailable(error);
  if (unavailable) return unavailable;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, body: { error: { code: GENERIC_CODES[status] ?? 'bad_request', message: error.message } } };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. It has been logged.',
        details: { requestId: request.id },
      },
    },
  };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body, retryAfterSeconds } = toErrorResponse(error, request);
    // A 503 is a passing state (an outage, a burst), not a bug: worth a warning, not an error.
    if (status === 503) request.log.warn({ code: body.error.code, err: error }, 'request deferred');
    else if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
    return send(reply, status, body);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}.` },
    }),
  );
}
