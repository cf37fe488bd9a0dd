import type { Booking, PublicMeetingType } from './api';

type RedirectSettings = Pick<PublicMeetingType, 'redirectUrl' | 'redirectWithDetails'>;

/**
 * Where the booking page sends the invitee once booked, or null to show its own confirmation. Only the address
 * the host set on the type (from the page's own answer, never from the page's URL), and only a web address: the
 * server allows nothing else, and this holds even for a value stored before it checked. With the host's opt-in
 * the booking's details follow as query parameters, Calendly-style; the token that changes the booking never
 * does.
 */
export function redirectAfterBooking(type: RedirectSettings, booking: Booking): string | null {
  if (!type.redirectUrl) return null;
  let url: URL;
  try {
    url = new URL(type.redirectUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (type.redirectWithDetails) {
    const details = {
      invitee_name: booking.invitee.name,
      invitee_email: booking.invitee.email,
      start_time: booking.start,
      end_time: booking.end,
      event_type: booking.eventType.slug,
      booking_uid: booking.uid,
      status: booking.status,
    };
    for (const [name, value] of Object.entries(details)) url.searchParams.set(name, value);
  }
  return url.toString();
}
