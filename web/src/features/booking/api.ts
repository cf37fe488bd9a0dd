import { api } from '../../lib/api';

export type LocationType = 'jitsi' | 'zoom' | 'google_meet' | 'teams' | 'in_person' | 'phone' | 'none';
export type QuestionType = 'text' | 'textarea' | 'select' | 'checkbox' | 'phone';

export interface Question {
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  options?: string[] | undefined;
}

export interface PublicHost {
  name: string;
  username: string;
  timeZone: string;
}

export interface PublicMeetingType {
  title: string;
  slug: string;
  description: string;
  kind: 'quick' | 'business';
  durationMinutes: number;
  locationType: LocationType;
  requiresConfirmation: boolean;
  questions: Question[];
  /** Not in the public answer yet; when present it bounds the "next available date" search. */
  bookingWindowDays?: number;
}

export interface Slot {
  start: string;
  end: string;
}

export type BookingStatus = 'confirmed' | 'pending' | 'cancelled' | 'declined';

/** How making a booking's video meeting is going; while it is not ready, the booking has no `location.url`. */
export interface VideoLink {
  provider: 'jitsi' | 'zoom' | 'google_meet' | 'teams';
  status: 'pending' | 'ready' | 'failed' | 'deleted';
  error: string | null;
}

export interface Booking {
  uid: string;
  status: BookingStatus;
  start: string;
  end: string;
  timeZone: string;
  eventType: { id: string; title: string; slug: string };
  host: { name: string; username: string };
  invitee: { name: string; email: string };
  location: { type: LocationType; url?: string; value?: string };
  /** Only in the host's view; null for locations without a video meeting. */
  video?: VideoLink | null;
  answers: Record<string, string | boolean>;
  notes: string | null;
  cancelReason: string | null;
  noShow: boolean;
  reminders: { offsetMinutes: number; scheduledFor: string; status: string }[];
  links?: { manage: string; cancel: string; reschedule: string; ics: string };
}

export interface BookInput {
  user: string;
  type: string;
  start: string;
  timeZone: string;
  invitee: { name: string; email: string };
  answers: Record<string, string | boolean>;
  notes?: string;
  /** The clock the invitee reads times in, so e-mails show times the same way. */
  hourCycle?: 'h12' | 'h23';
}

const enc = encodeURIComponent;

export function fetchProfile(username: string, signal?: AbortSignal) {
  return api.get<{ host: PublicHost; meetingTypes: PublicMeetingType[] }>(`/api/public/users/${enc(username)}`, {
    signal,
  });
}

export function fetchBookingPage(username: string, slug: string, signal?: AbortSignal) {
  return api.get<{ host: PublicHost; meetingType: PublicMeetingType }>(
    `/api/public/users/${enc(username)}/types/${enc(slug)}`,
    { signal },
  );
}

export interface SlotRange {
  user: string;
  type: string;
  from: number;
  to: number;
  timeZone: string;
}

export function fetchSlots(range: SlotRange, signal?: AbortSignal) {
  const params = new URLSearchParams({
    user: range.user,
    type: range.type,
    from: new Date(range.from).toISOString(),
    to: new Date(range.to).toISOString(),
    timeZone: range.timeZone,
  });
  return api.get<{ timeZone: string; slots: Slot[] }>(`/api/meetings/slots?${params.toString()}`, { signal });
}

export function slotStreamUrl(user: string, type: string) {
  return `/api/meetings/slots/stream?${new URLSearchParams({ user, type }).toString()}`;
}

export async function book(input: BookInput, idempotencyKey: string): Promise<Booking> {
  const { booking } = await api.post<{ booking: Booking }>('/api/meetings/book', input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return booking;
}

/** Cache key of a booking as its invitee sees it, shared by the confirmation and the manage page. */
export const inviteeBookingKey = (uid: string) => ['invitee-booking', uid] as const;

export async function fetchInviteeBooking(uid: string, token: string, signal?: AbortSignal): Promise<Booking> {
  const { booking } = await api.get<{ booking: Booking }>(
    `/api/meetings/bookings/${enc(uid)}?${new URLSearchParams({ token }).toString()}`,
    { signal },
  );
  return booking;
}

export async function cancelAsInvitee(uid: string, token: string, reason: string): Promise<Booking> {
  const body = reason.trim() ? { token, reason: reason.trim() } : { token };
  const { booking } = await api.post<{ booking: Booking }>(`/api/meetings/bookings/${enc(uid)}/cancel`, body);
  return booking;
}

export async function rescheduleAsInvitee(uid: string, token: string, start: string): Promise<Booking> {
  const { booking } = await api.post<{ booking: Booking }>(`/api/meetings/bookings/${enc(uid)}/reschedule`, {
    token,
    start,
  });
  return booking;
}

/** The invitee's page for one booking: the link their e-mails carry. */
export function managePath(uid: string, token: string) {
  return `/booking/${enc(uid)}?${new URLSearchParams({ token }).toString()}`;
}

/** The invitee's key to a booking, read from a link the server made. */
export function tokenOf(link: string): string | null {
  try {
    return new URL(link, window.location.origin).searchParams.get('token');
  } catch {
    return null;
  }
}

export function icsPath(uid: string, token: string) {
  return `/api/meetings/bookings/${enc(uid)}/ics?${new URLSearchParams({ token }).toString()}`;
}

/**
 * Counts a view for the host's analytics (first-party; the server stores no IP address). A beacon: it never
 * delays the page, and it carries no CSRF token, so a host previewing their own page while logged in is
 * refused and not counted.
 */
export function recordPageEvent(user: string, type: string, event: 'page_view' | 'slot_view') {
  const body = new Blob([JSON.stringify({ user, type, event })], { type: 'application/json' });
  try {
    if (navigator.sendBeacon?.('/api/meetings/analytics/events', body)) return;
  } catch {
    // Fall through to fetch.
  }
  void fetch('/api/meetings/analytics/events', { method: 'POST', body, keepalive: true }).catch(() => {});
}
