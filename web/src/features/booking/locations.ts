import { VIDEO_PROVIDERS } from '../../../../src/db/schema/values';
import type { LocationType } from './api';

export const locationLabels: Record<LocationType, string> = {
  jitsi: 'Jitsi video call',
  zoom: 'Zoom',
  google_meet: 'Google Meet',
  teams: 'Microsoft Teams',
  in_person: 'In person',
  phone: 'Phone call',
  none: 'To be agreed',
};

export function isVideo(type: LocationType) {
  return (VIDEO_PROVIDERS as readonly string[]).includes(type);
}

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
