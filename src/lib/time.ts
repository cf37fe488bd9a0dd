import { DateTime } from 'luxon';

export function isValidTimeZone(zone: string): boolean {
  return zone.length > 0 && zone.length < 64 && DateTime.now().setZone(zone).isValid;
}
