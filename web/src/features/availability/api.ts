import type { Availability } from '../../../../src/modules/scheduling/schemas';
import { api } from '../../lib/api';

export type { Availability } from '../../../../src/modules/scheduling/schemas';
/** The server refuses an interval whose end is at or before its start unless `endsNextDay` confirms it. */
export type TimeInterval = DateOverride['intervals'][number];
/** `weekday` is the ISO weekday, Monday = 1. */
export type WeeklyInterval = Availability['weekly'][number];
/** No intervals = the whole day off. */
export type DateOverride = Availability['overrides'][number];

export const availabilityKey = ['availability'] as const;

export function getAvailability(signal?: AbortSignal) {
  return api.get<Availability>('/api/meetings/availability', { signal });
}

export function putAvailability(availability: Availability) {
  return api.put<Availability>('/api/meetings/availability', availability);
}
