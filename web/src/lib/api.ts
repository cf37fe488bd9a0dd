/**
 * The one way the web app talks to the server: JSON over same-origin fetch, errors turned into ApiError,
 * and the CSRF token that cookie-authenticated writes need.
 */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly code: string;
  /** Per-field messages from a 422 answer, keyed by field name. */
  readonly fields: FieldErrors;
  /** The error's other details, such as the count of upcoming bookings that keep a meeting type alive. */
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: FieldErrors = {},
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Extra request headers, such as Idempotency-Key. */
  headers?: Record<string, string> | undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendOptions extends RequestOptions {
  csrfToken?: string;
}

async function send<T>(method: Method, path: string, body: unknown, options: SendOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  // Fastify rejects an empty body that claims to be JSON, so only requests with a body get a content type.
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken !== undefined) headers['x-csrf-token'] = options.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    // A cancelled request must stay an AbortError so TanStack Query recognises its own cancellation.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
    // Proxies and crashed servers answer with HTML or nothing; still give the user a sentence.
    return new ApiError(status, 'unexpected_response', `The server answered with an unexpected error (${status}).`);
  }
  return new ApiError(
    status,
    error.code,
    error.message,
    fieldErrorsOf(error.details),
    isRecord(error.details) ? error.details : {},
  );
}

function fieldErrorsOf(details: unknown): FieldErrors {
  if (!isRecord(details) || !isRecord(details.fields)) return {};
  const fields: FieldErrors = {};
  for (const [name, message] of Object.entries(details.fields)) {
    if (typeof message === 'string') fields[name] = message;
  }
  return fields;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

let csrfToken: Promise<string> | undefined;

function getCsrfToken(): Promise<string> {
  csrfToken ??= send<{ token: string }>('GET', '/api/auth/csrf', undefined).then(
    ({ token }) => token,
    (error: unknown) => {
      // A failed fetch must not be cached, or every later write would fail with it.
      csrfToken = undefined;
      throw error;
    },
  );
  return csrfToken;
}

function isCsrfRejection(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'csrf_invalid';
}

async function request<T>(method: Method, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  if (method === 'GET') return send<T>(method, path, body, options);

  const token = getCsrfToken();
  try {
    return await send<T>(method, path, body, { ...options, csrfToken: await token });
  } catch (error) {
    if (!isCsrfRejection(error)) throw error;
    // A cached token goes stale when its secret cookie is cleared or the server's secret changes: fetch a
    // fresh one and try exactly once more.
    if (csrfToken === token) csrfToken = undefined;
    return send<T>(method, path, body, { ...options, csrfToken: await getCsrfToken() });
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
