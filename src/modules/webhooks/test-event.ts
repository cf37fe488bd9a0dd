import type { BookingView } from '../scheduling/schemas.js';

const MINUTE = 60_000;

/**
 * A booking.created payload made up for the test, shaped like a real one (questions with their labels beside
 * the ids), and marked `test: true` so receivers can tell it from a booking.
 */
export function testEventPayload(now: Date) {
  const start = new Date(Math.ceil((now.getTime() + 24 * 60 * MINUTE) / (30 * MINUTE)) * 30 * MINUTE);
  const end = new Date(start.getTime() + 30 * MINUTE);
  const booking: BookingView = {
    uid: 'test_booking',
    status: 'confirmed',
    start: start.toISOString(),
    end: end.toISOString(),
    timeZone: 'Europe/Berlin',
    locale: 'en',
    eventType: { id: '00000000-0000-4000-8000-000000000000', title: '30 minute meeting', slug: '30min' },
    host: { name: 'Sample Host', username: 'sample-host' },
    invitee: { name: 'Sample Invitee', email: 'invitee@example.com' },
    location: { type: 'jitsi', url: 'https://meet.jit.si/TuskHubTestEvent' },
    answers: { topic: 'Trying out the webhook' },
    notes: null,
    cancelReason: null,
    rescheduleRequestedAt: null,
    noShow: false,
    reminders: [
      { offsetMinutes: 60, scheduledFor: new Date(start.getTime() - 60 * MINUTE).toISOString(), status: 'scheduled' },
    ],
  };
  return {
    test: true,
    message: 'A test event sent from TuskHub to try this endpoint. It is not a booking.',
    booking: {
      ...booking,
      questions: [
        {
          id: 'topic',
          label: 'What would you like to talk about?',
          type: 'textarea',
          answer: 'Trying out the webhook',
        },
      ],
    },
  };
}
