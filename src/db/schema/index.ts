export * from './identity.js';
export * from './scheduling.js';
export * from './video.js';
export * from './notifications.js';
export * from './webhooks.js';
export * from './analytics.js';
export * from './planned.js';
export type { BookedLocation, BookingQuestion, DateOverride, MeetingLocation, WeeklyInterval } from './stored-json.js';
