import { z } from 'zod';
import { bookedLocationShape, bookingQuestionShape, meetingLocationShape } from '../../db/schema/stored-json.js';
import {
  BOOKING_STATUSES,
  HOUR_CYCLES,
  LOCALES,
  LOCATION_TYPES,
  MEETING_KINDS,
  REMINDER_STATUSES,
} from '../../db/schema/values.js';
import { timeZoneSchema } from '../identity/schemas.js';
import { videoStatusSchema } from '../video/schemas.js';
import { checkHours, hoursFields, scheduleNameSchema } from './availability.rules.js';
import { answersSchema, bookingSearchSchema, hostNoteSchema, inviteeSchema, notesSchema } from './bookings.rules.js';
import { BOOKING_PAGE_SIZE, bookingPageSizeSchema } from './bookings.rules.js';
import { meetingTypeFields, type questionSchema } from './meeting-types.rules.js';

/**
 * Requests and answers of the scheduling routes. The field rules live in the *.rules.ts files, which the
 * browser loads too; the web app takes the types below with `import type`.
 */

/** Defaults follow what Calendly and Cal.com users expect of a new event type. */
export const meetingTypeCreateBody = z.object({
  ...meetingTypeFields,
  description: meetingTypeFields.description.default(''),
  kind: meetingTypeFields.kind.default('quick'),
  slotIntervalMinutes: meetingTypeFields.slotIntervalMinutes.default(null),
  bufferBeforeMinutes: meetingTypeFields.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: meetingTypeFields.bufferAfterMinutes.default(0),
  minimumNoticeMinutes: meetingTypeFields.minimumNoticeMinutes.default(240),
  bookingWindowDays: meetingTypeFields.bookingWindowDays.default(60),
  maxBookingsPerDay: meetingTypeFields.maxBookingsPerDay.default(null),
  requiresConfirmation: meetingTypeFields.requiresConfirmation.default(false),
  location: meetingTypeFields.location.default({ type: 'jitsi' }),
  questions: meetingTypeFields.questions.default([]),
  reminderOffsetsMinutes: meetingTypeFields.reminderOffsetsMinutes.default([1440, 60]),
  isActive: meetingTypeFields.isActive.default(true),
  isSecret: meetingTypeFields.isSecret.default(false),
  scheduleId: meetingTypeFields.scheduleId.default(null),
  color: meetingTypeFields.color.default(null),
  redirectUrl: meetingTypeFields.redirectUrl.default(null),
  redirectWithDetails: meetingTypeFields.redirectWithDetails.default(false),
});
export type MeetingTypeCreate = z.infer<typeof meetingTypeCreateBody>;
export type MeetingTypeCreateRequest = z.input<typeof meetingTypeCreateBody>;
/** A question sent without an id is new: the server gives it one. */
export type QuestionRequest = z.input<typeof questionSchema>;

/** A PATCH must change something: an empty body is refused. */
const changesSomething = [
  (patch: object) => Object.keys(patch).length > 0,
  { message: 'Send at least one field to change.' },
] as const;

export const meetingTypePatchBody = z
  .object(meetingTypeFields)
  .partial()
  .refine(...changesSomething);
export type MeetingTypePatch = z.infer<typeof meetingTypePatchBody>;
export type MeetingTypePatchRequest = z.input<typeof meetingTypePatchBody>;

export const meetingTypeSchema = z.object({
  id: z.uuid(),
  ...meetingTypeFields,
  location: meetingLocationShape,
  questions: z.array(bookingQuestionShape),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingTypeView = z.infer<typeof meetingTypeSchema>;
export const meetingTypeResponse = z.object({ meetingType: meetingTypeSchema });
export type MeetingTypeResponse = z.output<typeof meetingTypeResponse>;
export const meetingTypeListResponse = z.object({ meetingTypes: z.array(meetingTypeSchema) });
export type MeetingTypeListResponse = z.output<typeof meetingTypeListResponse>;

export const meetingTypeDeleteQuery = z.object({
  cancelBookings: z.enum(['true', 'false']).default('false'),
  reason: z.string().trim().max(1000).optional(),
});
export const meetingTypeDeleteResponse = z.object({
  ok: z.literal(true),
  /** Kept, hidden, because bookings (past or just cancelled) refer to it. */
  archived: z.boolean(),
  cancelledBookings: z.number().int(),
});
export type MeetingTypeDeleteResponse = z.output<typeof meetingTypeDeleteResponse>;

export const availabilitySchema = z.object({ timeZone: timeZoneSchema, ...hoursFields }).superRefine(checkHours);
export type Availability = z.infer<typeof availabilitySchema>;

/** A named schedule: its hours, and the whole set replaced at once (PUT) or created (POST). */
export const scheduleBody = z
  .object({ name: scheduleNameSchema, timeZone: timeZoneSchema, ...hoursFields })
  .superRefine(checkHours);
export type ScheduleInput = z.infer<typeof scheduleBody>;
export type ScheduleRequest = z.input<typeof scheduleBody>;

/** Some fields of a schedule; `isDefault: true` makes it the default in place of the old one. */
export const schedulePatchBody = z
  .object({
    name: scheduleNameSchema,
    isDefault: z.literal(true, { message: 'Make another schedule the default instead.' }),
    timeZone: timeZoneSchema,
    ...hoursFields,
  })
  .partial()
  .refine(...changesSomething)
  .superRefine((p, ctx) => checkHours({ weekly: p.weekly ?? [], overrides: p.overrides ?? [] }, ctx));
export type SchedulePatch = z.infer<typeof schedulePatchBody>;
export type SchedulePatchRequest = z.input<typeof schedulePatchBody>;

export const scheduleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  timeZone: z.string(),
  ...hoursFields,
  /** Live meeting types that follow it; the default's count includes the types without a schedule of their own. */
  meetingTypeCount: z.number().int(),
});
export type ScheduleView = z.output<typeof scheduleSchema>;
export const scheduleResponse = z.object({ schedule: scheduleSchema });
export type ScheduleResponse = z.output<typeof scheduleResponse>;
export const scheduleListResponse = z.object({ schedules: z.array(scheduleSchema) });
export type ScheduleListResponse = z.output<typeof scheduleListResponse>;
export const scheduleDeleteResponse = z.object({
  ok: z.literal(true),
  /** Meeting types that used the deleted schedule and now follow the default. */
  movedMeetingTypes: z.number().int(),
});
export type ScheduleDeleteResponse = z.output<typeof scheduleDeleteResponse>;

// Far-off years are never a real booking and only reach edge cases of the date arithmetic and the database.
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
const LATEST_INSTANT = Date.UTC(2201, 0, 1);
const instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 instant, e.g. 2026-03-09T14:00:00Z.' })
  .refine((value) => Date.parse(value) >= EARLIEST_INSTANT && Date.parse(value) < LATEST_INSTANT, {
    message: 'Use a date between the years 2000 and 2200.',
  });

const pageRef = { user: z.string().min(1).max(64), type: z.string().min(1).max(64) };

export const slotsQuery = z.object({ ...pageRef, from: instant, to: instant, timeZone: timeZoneSchema.optional() });
export const slotStreamQuery = z.object(pageRef);

export const slotSchema = z.object({ start: z.string(), end: z.string() });
export type Slot = z.output<typeof slotSchema>;
export const slotsResponse = z.object({ timeZone: z.string(), slots: z.array(slotSchema) });
/** A 304 to a repeat reader whose If-None-Match still holds: no body. */
export const notModified = z.null().describe('Not modified: the answer still matches If-None-Match.');
export type SlotsResponse = z.output<typeof slotsResponse>;

export const bookBody = z.object({
  ...pageRef,
  start: instant,
  timeZone: timeZoneSchema,
  invitee: inviteeSchema,
  /** The clock the invitee reads times on; their e-mails follow it (24-hour when left out). */
  hourCycle: z.enum(HOUR_CYCLES, { message: 'Use h12 for a 12-hour clock or h23 for 24-hour.' }).optional(),
  /** The invitee's language: their e-mails, calendar files and manage page use it (English when left out). */
  locale: z.enum(LOCALES, { message: `Use one of ${LOCALES.join(', ')}.` }).optional(),
  answers: z._default(answersSchema, {}),
  notes: z.optional(notesSchema),
});
export type BookInput = z.infer<typeof bookBody>;
export type BookRequest = z.input<typeof bookBody>;

export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.output<typeof bookingStatusSchema>;

export const bookingSchema = z.object({
  uid: z.string(),
  status: bookingStatusSchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  /** The invitee's language, chosen on the booking page: their e-mails and manage page use it. */
  locale: z.enum(LOCALES),
  eventType: z.object({ id: z.uuid(), title: z.string(), slug: z.string() }),
  host: z.object({ name: z.string(), username: z.string() }),
  invitee: z.object({ name: z.string(), email: z.string() }),
  /** Video calls have no `url` until the provider has made the meeting. */
  location: bookedLocationShape,
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  noShow: z.boolean(),
  /**
   * When the host asked the invitee to pick a new time; the booking stays cancelled until they do, and a webhook
   * receiver tells such a cancellation from a final one by it.
   */
  rescheduleRequestedAt: z.string().nullable(),
  reminders: z.array(
    z.object({ offsetMinutes: z.number(), scheduledFor: z.string(), status: z.enum(REMINDER_STATUSES) }),
  ),
  links: z.object({ manage: z.string(), cancel: z.string(), reschedule: z.string(), ics: z.string() }).optional(),
  /** The host's view only: how the video provider's link is getting on (null for locations without one). */
  video: videoStatusSchema.optional(),
  /** The host's view only: their private note, never in the invitee's view, e-mails, calendar files or webhooks. */
  hostNote: z.string().nullable().optional(),
});
export type BookingView = z.infer<typeof bookingSchema>;
export const bookingResponse = z.object({ booking: bookingSchema });
export type BookingResponse = z.output<typeof bookingResponse>;
export const bookingListResponse = z.object({
  bookings: z.array(bookingSchema),
  /** The `cursor` that asks for the page after this one; null on the last page. */
  next: z.string().nullable(),
});
export type BookingListResponse = z.output<typeof bookingListResponse>;

/** What the list's `status` takes: upcoming or past alone, or one or more statuses separated by commas. */
const LIST_STATUSES = ['upcoming', 'past', ...BOOKING_STATUSES] as const;
type ListStatus = (typeof LIST_STATUSES)[number];
const statusFilter = z
  .string()
  .refine((value) => value.split(',').every((s) => (LIST_STATUSES as readonly string[]).includes(s)), {
    message: `Use ${LIST_STATUSES.join(', ')}, or statuses separated by commas.`,
  })
  .refine((value) => !value.includes(',') || !/(^|,)(upcoming|past)(,|$)/.test(value), {
    message: 'Use upcoming or past on their own.',
  })
  .transform((value) => value.split(',') as ListStatus[]);

export const bookingListQuery = z.object({
  status: statusFilter.optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Part of the invitee's name or e-mail address, in any case. */
  q: z.optional(bookingSearchSchema),
  /** A meeting type's id or slug. */
  type: z.string().trim().min(1).max(64).optional(),
  /** csv answers text/csv, one row per booking. */
  format: z.enum(['json', 'csv']).optional(),
  /** By start, oldest first (asc) or newest first (desc); past defaults to desc, the others to asc. */
  order: z.enum(['asc', 'desc']).optional(),
  limit: z._default(bookingPageSizeSchema, BOOKING_PAGE_SIZE),
  /** The `next` of the page before, for the same filters and order. */
  cursor: z.string().max(500).optional(),
});
export type BookingListQuery = z.input<typeof bookingListQuery>;
export type BookingListFilters = z.output<typeof bookingListQuery>;

const reasonSchema = z.string().trim().max(1000);
export const hostActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.enum(['confirm', 'decline', 'cancel', 'no_show', 'request_reschedule']),
    reason: reasonSchema.optional(),
  }),
  /** The host moves the booking to another time the meeting type offers (minimum notice aside). */
  z.object({ action: z.literal('reschedule'), start: instant, reason: reasonSchema.optional() }),
]);
export type HostActionRequest = z.input<typeof hostActionBody>;
export type HostActionInput = z.output<typeof hostActionBody>;

export const hostNoteBody = z.object({ note: hostNoteSchema });
export type HostNoteRequest = z.input<typeof hostNoteBody>;

/** The times a host may move a booking to; `timeZone` only shapes the answer's label, as for the public slots. */
export const rescheduleSlotsQuery = z.object({ from: instant, to: instant, timeZone: timeZoneSchema.optional() });

export const inviteeCancelBody = z.object({
  token: z.string().min(1).max(200),
  reason: reasonSchema.optional(),
});
export type InviteeCancelRequest = z.input<typeof inviteeCancelBody>;
export const inviteeRescheduleBody = z.object({ token: z.string().min(1).max(200), start: instant });
export type InviteeRescheduleRequest = z.input<typeof inviteeRescheduleBody>;
export const tokenQuery = z.object({ token: z.string().min(1).max(200).optional() });

export const publicMeetingTypeSchema = z.object({
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  kind: z.enum(MEETING_KINDS),
  durationMinutes: z.number(),
  locationType: z.enum(LOCATION_TYPES),
  requiresConfirmation: z.boolean(),
  /** How far ahead the page offers times; bounds the search for the next free date. */
  bookingWindowDays: z.number(),
  questions: z.array(bookingQuestionShape),
  /** Always true for visitors; false only in the signed-in host's preview of a type that is turned off. */
  isActive: z.boolean(),
  /** Where the booking page sends the invitee after booking, in place of its confirmation. */
  redirectUrl: z.string().nullable(),
  redirectWithDetails: z.boolean(),
});
export type PublicMeetingType = z.output<typeof publicMeetingTypeSchema>;
export const publicHostSchema = z.object({ name: z.string(), username: z.string(), timeZone: z.string() });
export type PublicHost = z.output<typeof publicHostSchema>;
export const publicPageResponse = z.object({ host: publicHostSchema, meetingType: publicMeetingTypeSchema });
export type PublicPageResponse = z.output<typeof publicPageResponse>;
export const publicProfileResponse = z.object({
  host: publicHostSchema,
  meetingTypes: z.array(publicMeetingTypeSchema),
});
export type PublicProfileResponse = z.output<typeof publicProfileResponse>;
