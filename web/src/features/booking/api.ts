import type { PageEventRequest } from '../../../../src/modules/analytics/schemas';
import type { BookingQuestion } from '../../../../src/db/schema/stored-json';
import type {
  BookingResponse,
  BookingView,
  BookRequest,
  InviteeCancelRequest,
  InviteeRescheduleRequest,
  PublicPageResponse,
  PublicProfileResponse,
  SlotsResponse,
} from '../../../../src/modules/scheduling/schemas';
import type { VideoStatus } from '../../../../src/modules/video/schemas';
import { api } from '../../lib/api';

export type { BookingStatus, PublicHost, PublicMeetingType, Slot } from '../../../../src/modules/scheduling/schemas';
export type { LocationType, QuestionType } from '../../../../src/db/schema/stored-json';
export type Question = BookingQuestion;
/** How making a booking's video meeting is going; while it is not ready, the booking has no `location.url`. */
export type VideoLink = NonNullable<VideoStatus>;
/** `video` is only in the host's view; `links` only where the caller may change the booking. */
export type Booking = BookingView;
/** `hourCycle` is the clock the invitee reads times in, so e-mails show times the same way. */
export type BookInput = BookRequest;

const enc = encodeURIComponent;

export function fetchProfile(username: string, signal?: AbortSignal) {
  return api.get<PublicProfileResponse>(`/api/public/users/${enc(username)}`, { signal });
}

export function fetchBookingPage(username: string, slug: string, signal?: AbortSignal) {
  return api.get<PublicPageResponse>(`/api/public/users/${enc(username)}/types/${enc(slug)}`, { signal });
}

/** The slots to fetch: a page and a span of instants (epoch milliseconds), shown in `timeZone`. */
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
  return api.get<SlotsResponse>(`/api/meetings/slots?${params.toString()}`, { signal });
}

export function slotStreamUrl(user: string, type: string) {
  return `/api/meetings/slots/stream?${new URLSearchParams({ user, type }).toString()}`;
}

export async function book(input: BookInput, idempotencyKey: string): Promise<Booking> {
  const { booking } = await api.post<BookingResponse>('/api/meetings/book', input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return booking;
}

/** Cache key of a booking as its invitee sees it, shared by the confirmation and the manage page. */
export const inviteeBookingKey = (uid: string) => ['invitee-booking', uid] as const;

export async function fetchInviteeBooking(uid: string, token: string, signal?: AbortSignal): Promise<Booking> {
  const { booking } = await api.get<BookingResponse>(
    `/api/meetings/bookings/${enc(uid)}?${new URLSearchParams({ token }).toString()}`,
    { signal },
  );
  return booking;
}

export async function cancelAsInvitee(uid: string, token: string, reason: string): Promise<Booking> {
  const body: InviteeCancelRequest = reason.trim() ? { token, reason: reason.trim() } : { token };
  const { booking } = await api.post<BookingResponse>(`/api/meetings/bookings/${enc(uid)}/cancel`, body);
  return booking;
}

export async function rescheduleAsInvitee(uid: string, token: string, start: string): Promise<Booking> {
  const body: InviteeRescheduleRequest = { token, start };
  const { booking } = await api.post<BookingResponse>(`/api/meetings/bookings/${enc(uid)}/reschedule`, body);
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
export function recordPageEvent(user: string, type: string, event: PageEventRequest['event']) {
  const report: PageEventRequest = { user, type, event };
  const body = new Blob([JSON.stringify(report)], { type: 'application/json' });
  try {
    if (navigator.sendBeacon?.('/api/meetings/analytics/events', body)) return;
  } catch {
    // Fall through to fetch.
  }
  void fetch('/api/meetings/analytics/events', { method: 'POST', body, keepalive: true }).catch(() => {});
}
