import type {
  Availability,
  ScheduleDeleteResponse,
  ScheduleListResponse,
  SchedulePatchRequest,
  ScheduleRequest,
  ScheduleResponse,
  ScheduleView,
} from '../../../../src/modules/scheduling/schemas';
import { api } from '../../lib/api';

export type { Availability } from '../../../../src/modules/scheduling/schemas';
/** The server refuses an interval whose end is at or before its start unless `endsNextDay` confirms it. */
export type TimeInterval = DateOverride['intervals'][number];
/** `weekday` is the ISO weekday, Monday = 1. */
export type WeeklyInterval = Availability['weekly'][number];
/** No intervals = the whole day off. */
export type DateOverride = Availability['overrides'][number];
/** A named set of hours; `meetingTypeCount` counts the types that follow it. */
export type Schedule = ScheduleView;
export type ScheduleInput = ScheduleRequest;
export type ScheduleDeleteResult = ScheduleDeleteResponse;

export const schedulesKey = ['schedules'] as const;

const schedulePath = (id: string) => `/api/meetings/schedules/${encodeURIComponent(id)}`;

export async function listSchedules(signal?: AbortSignal) {
  const { schedules } = await api.get<ScheduleListResponse>('/api/meetings/schedules', { signal });
  return schedules;
}

export async function createSchedule(input: ScheduleInput) {
  const { schedule } = await api.post<ScheduleResponse>('/api/meetings/schedules', input);
  return schedule;
}

/** Some fields; `isDefault: true` makes the schedule the default in place of the old one. */
export async function patchSchedule(id: string, patch: SchedulePatchRequest) {
  const { schedule } = await api.patch<ScheduleResponse>(schedulePath(id), patch);
  return schedule;
}

export function deleteSchedule(id: string) {
  return api.delete<ScheduleDeleteResult>(schedulePath(id));
}
