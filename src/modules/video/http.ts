import { ProviderError } from './types.js';

const TIMEOUT_MS = 15_000;

/** A provider's answer, mapped to what we do about it; network trouble and 5xx/429 are worth retrying. */
export async function providerRequest<T>(
  label: string,
  url: string,
  init: { method: string; accessToken: string; body?: unknown },
): Promise<T | undefined> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${init.accessToken}`,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new ProviderError('transient', `${label} could not be reached (${(error as Error).message}).`);
  }
  if (res.ok) {
    const text = await res.text();
    return text ? (JSON.parse(text) as T) : undefined;
  }
  const detail = await errorDetail(res);
  if (res.status === 401) throw new ProviderError('auth', `${label} refused our access (${detail}).`);
  if (res.status === 404 || res.status === 410) throw new ProviderError('gone', `${label}: not found (${detail}).`);
  if (res.status === 409) throw new ProviderError('conflict', `${label}: already exists (${detail}).`);
  if (res.status === 429 || res.status >= 500)
    throw new ProviderError('transient', `${label} is unavailable (HTTP ${res.status}: ${detail}).`);
  throw new ProviderError('permanent', `${label} rejected the request (HTTP ${res.status}: ${detail}).`);
}

async function errorDetail(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).slice(0, 500);
  try {
    const body = JSON.parse(text) as { message?: string; error?: string | { message?: string } };
    const message = typeof body.error === 'object' ? body.error.message : (body.message ?? body.error);
    if (message) return message;
  } catch {
    // Not JSON: the status line says enough.
  }
  return text || res.statusText || `HTTP ${res.status}`;
}
