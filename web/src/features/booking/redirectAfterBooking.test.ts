import { describe, expect, it } from 'vitest';
import type { Booking } from './api';
import { redirectAfterBooking } from './redirectAfterBooking';

const booking = {
  uid: 'bk_123',
  status: 'confirmed',
  start: '2030-03-04T09:00:00.000Z',
  end: '2030-03-04T09:30:00.000Z',
  eventType: { id: 'type-id', title: 'Intro call', slug: 'intro' },
  invitee: { name: 'Zoë & Co', email: 'zoe+1@example.com' },
  links: {
    manage: '/booking/bk_123?token=secret-token',
    cancel: '/booking/bk_123?token=secret-token&action=cancel',
    reschedule: '/booking/bk_123?token=secret-token&action=reschedule',
    ics: '/api/meetings/bookings/bk_123/ics?token=secret-token',
  },
} as Booking;

describe('the redirect after booking', () => {
  it('is the type’s own address, unchanged unless the host asked for the details', () => {
    expect(redirectAfterBooking({ redirectUrl: null, redirectWithDetails: true }, booking)).toBeNull();
    expect(
      redirectAfterBooking({ redirectUrl: 'https://example.com/thanks?src=a', redirectWithDetails: false }, booking),
    ).toBe('https://example.com/thanks?src=a');
  });

  it('adds the booking’s details as query parameters, keeping the address’s own, and never the token', () => {
    const target = redirectAfterBooking(
      { redirectUrl: 'https://example.com/thanks?src=a#top', redirectWithDetails: true },
      booking,
    )!;
    const url = new URL(target);
    expect(url.origin + url.pathname + url.hash).toBe('https://example.com/thanks#top');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      src: 'a',
      invitee_name: 'Zoë & Co',
      invitee_email: 'zoe+1@example.com',
      start_time: '2030-03-04T09:00:00.000Z',
      end_time: '2030-03-04T09:30:00.000Z',
      event_type: 'intro',
      booking_uid: 'bk_123',
      status: 'confirmed',
    });
    expect(target).not.toContain('secret-token');
  });

  it('follows nothing but a web address', () => {
    for (const redirectUrl of ['javascript:alert(1)', 'data:text/html,hi', '/elsewhere', 'not a url']) {
      expect(redirectAfterBooking({ redirectUrl, redirectWithDetails: true }, booking)).toBeNull();
    }
  });
});
