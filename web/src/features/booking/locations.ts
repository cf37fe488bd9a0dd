import type { TFunction } from 'i18next';
import { VIDEO_PROVIDERS } from '../../../../src/db/schema/values';
import type { LocationType } from './api';

/** "Jitsi video call", "Vor Ort": where a meeting happens, in the reader's language. */
export const locationLabel = (t: TFunction, type: LocationType): string => t(`location.${type}`);

export function isVideo(type: LocationType) {
  return (VIDEO_PROVIDERS as readonly string[]).includes(type);
}

/** "30 min", "1 h 30 min" (in German "1 Std. 30 Min."). */
export function formatDuration(t: TFunction, minutes: number): string {
  if (minutes < 60) return t('duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? t('duration.hoursAndMinutes', { hours, minutes: rest }) : t('duration.hours', { hours });
}
