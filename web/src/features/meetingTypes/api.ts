import { api } from '../../lib/api';
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

export type MeetingTypeInput = Omit<MeetingType, 'id'>;

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

export async function deleteMeetingType(id: string) {
  await api.delete<{ ok: true }>(`/api/meetings/types/${encodeURIComponent(id)}`);
}
