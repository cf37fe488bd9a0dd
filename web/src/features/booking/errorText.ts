import type { ParseKeys, TFunction } from 'i18next';
import { ApiError } from '../../lib/api';
import { i18n } from '../../lib/i18n';
import { SOURCE_LANGUAGE } from '../../lib/language';

/** The answers the public pages can get, by error code, in their own words (the server's are English). */
const BY_CODE: Record<string, ParseKeys> = {
  network_error: 'errors.network',
  rate_limited: 'errors.rateLimited',
  busy: 'errors.busy',
  service_unavailable: 'errors.unavailable',
  rate_limiter_unavailable: 'errors.unavailable',
  not_found: 'errors.notFound',
  validation_failed: 'errors.invalid',
  slot_unavailable: 'errors.taken',
  booking_not_active: 'errors.notActive',
  booking_in_past: 'errors.inPast',
  meeting_type_deleted: 'errors.typeDeleted',
};

/**
 * What went wrong, as a sentence in the page's language. The server's own message is English, the language of
 * its API, so only an English page shows one, and only for an answer these pages do not expect.
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.code === 'unexpected_response') return t('errors.unexpected', { status: error.status });
  const key = Object.hasOwn(BY_CODE, error.code) ? BY_CODE[error.code] : undefined;
  if (key) return t(key);
  return i18n.language === SOURCE_LANGUAGE ? error.message : t('errors.generic');
}
