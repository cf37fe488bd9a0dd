import { api } from '../../lib/api';

export interface TimeInterval {
  start: string;
  end: string;
  /** Confirms that an end at or before the start is on the next day; the server refuses such an interval without it. */
  endsNextDay?: boolean;
}

export interface WeeklyInterval extends TimeInterval {
  /** ISO weekday, Monday = 1. */
  weekday: number;
}

export interface DateOverride {
  date: string;
  /** No intervals = the whole day off. */
  intervals: TimeInterval[];
}

export interface Availability {
  timeZone: string;
  weekly: WeeklyInterval[];
  overrides: DateOverride[];
}

export const availabilityKey = ['availability'] as const;

export function getAvailability(signal?: AbortSignal) {
  return api.get<Availability>('/api/meetings/availability', { signal });
}

export function putAvailability(availability: Availability) {
  return api.put<Availability>('/api/meetings/availability', availability);
}
