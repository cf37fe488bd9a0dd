import type {
  MeetingTypeCreateRequest,
  MeetingTypeDeleteResponse,
  MeetingTypeListResponse,
  MeetingTypePatchRequest,
  MeetingTypeResponse,
  MeetingTypeView,
  QuestionRequest,
} from '../../../../src/modules/scheduling/schemas';
import { api, ApiError } from '../../lib/api';

export type MeetingType = MeetingTypeView;
export type QuestionInput = QuestionRequest;
export type MeetingTypeInput = MeetingTypeCreateRequest;
/** `archived`: kept, hidden, because bookings (past or just cancelled) refer to it. */
export type DeleteResult = MeetingTypeDeleteResponse;

export const meetingTypesKey = ['meeting-types'] as const;

export async function listMeetingTypes(signal?: AbortSignal) {
  const { meetingTypes } = await api.get<MeetingTypeListResponse>('/api/meetings/types', { signal });
  return meetingTypes;
}

export async function getMeetingType(id: string, signal?: AbortSignal) {
  const { meetingType } = await api.get<MeetingTypeResponse>(`/api/meetings/types/${encodeURIComponent(id)}`, {
    signal,
  });
  return meetingType;
}

export async function createMeetingType(input: MeetingTypeInput) {
  const { meetingType } = await api.post<MeetingTypeResponse>('/api/meetings/types', input);
  return meetingType;
}

export async function updateMeetingType(id: string, patch: MeetingTypePatchRequest) {
  const { meetingType } = await api.patch<MeetingTypeResponse>(`/api/meetings/types/${encodeURIComponent(id)}`, patch);
  return meetingType;
}

/**
 * Without `cancelBookings` the server refuses a type with upcoming bookings: ApiError `type_has_bookings`, whose
 * details.upcomingBookings says how many.
 */
export function deleteMeetingType(id: string, cancelBookings = false) {
  const query = cancelBookings ? '?cancelBookings=true' : '';
  return api.delete<DeleteResult>(`/api/meetings/types/${encodeURIComponent(id)}${query}`);
}

/** How many upcoming bookings stopped a deletion, or undefined when the error was something else. */
export function upcomingBookingsOf(error: unknown): number | undefined {
  if (!(error instanceof ApiError) || error.code !== 'type_has_bookings') return undefined;
  const n = error.details.upcomingBookings;
  return typeof n === 'number' ? n : undefined;
}

/** A copy of the type, turned off, under "(copy)" and the next free `-copy` slug. */
export async function duplicateMeetingType(id: string) {
  const { meetingType } = await api.post<MeetingTypeResponse>(
    `/api/meetings/types/${encodeURIComponent(id)}/duplicate`,
  );
  return meetingType;
}
