import { api, ApiError } from '../../lib/api';
import type { LocationType, Question } from '../booking/api';

export interface MeetingType {
  id: string;
  title: string;
  slug: string;
  description: string;
  kind: 'quick' | 'business';
  durationMinutes: number;
  slotIntervalMinutes: number | null;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  maxBookingsPerDay: number | null;
  requiresConfirmation: boolean;
  location: { type: LocationType; value?: string };
  questions: Question[];
  reminderOffsetsMinutes: number[];
  isActive: boolean;
  isSecret: boolean;
}

/** A question sent without an id is new: the server gives it one. */
export type QuestionInput = Omit<Question, 'id'> & { id?: string };
export type MeetingTypeInput = Omit<MeetingType, 'id' | 'questions'> & { questions: QuestionInput[] };

export const meetingTypesKey = ['meeting-types'] as const;

export async function listMeetingTypes(signal?: AbortSignal) {
  const { meetingTypes } = await api.get<{ meetingTypes: MeetingType[] }>('/api/meetings/types', { signal });
  return meetingTypes;
}

export async function getMeetingType(id: string, signal?: AbortSignal) {
  const { meetingType } = await api.get<{ meetingType: MeetingType }>(`/api/meetings/types/${encodeURIComponent(id)}`, {
    signal,
  });
  return meetingType;
}

export async function createMeetingType(input: MeetingTypeInput) {
  const { meetingType } = await api.post<{ meetingType: MeetingType }>('/api/meetings/types', input);
  return meetingType;
}

export async function updateMeetingType(id: string, patch: Partial<MeetingTypeInput>) {
  const { meetingType } = await api.patch<{ meetingType: MeetingType }>(
    `/api/meetings/types/${encodeURIComponent(id)}`,
    patch,
  );
  return meetingType;
}

export interface DeleteResult {
  ok: true;
  /** Kept, hidden, because bookings (past or just cancelled) refer to it. */
  archived: boolean;
  cancelledBookings: number;
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
