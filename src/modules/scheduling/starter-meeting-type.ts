import { meetingTypeCreateBody, type MeetingTypeCreate } from './schemas.js';

/**
 * The meeting type every new host starts with, so their first booking link works before they have set anything
 * up. Built through the create schema, so it takes the same defaults (notice, window, reminders) as one the host
 * makes with only a title, slug and duration.
 */
export const starterMeetingType = (): MeetingTypeCreate =>
  meetingTypeCreateBody.parse({
    title: '30 minute meeting',
    slug: '30min',
    description: 'A 30-minute video call.',
    durationMinutes: 30,
    location: { type: 'jitsi' },
  });
