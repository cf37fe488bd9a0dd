import { z } from 'zod';
import { videoStatusSchema } from '../video/schemas.js';
import { personNameSchema, timeZoneSchema } from '../identity/schemas.js';

const minutes = (min: number, max: number, label: string) =>
  z
    .number()
    .int({ message: `${label} must be a whole number of minutes.` })
    .min(min, { message: `${label} must be at least ${min} minutes.` })
    .max(max, { message: `${label} must be at most ${max} minutes.` });

export const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
  message: 'Use lowercase letters, digits and dashes (1–64), starting and ending with a letter or digit.',
});

export const locationSchema = z
  .object({
    type: z.enum(['jitsi', 'zoom', 'google_meet', 'teams', 'in_person', 'phone', 'none']),
    value: z.string().trim().max(500).optional(),
  })
  .refine((l) => !['in_person', 'phone'].includes(l.type) || Boolean(l.value), {
    message: 'Give the address or phone number.',
    path: ['value'],
  });

export const questionSchema = z
  .object({
    /** Left out for a new question: the server gives it one. Kept on later saves, so answers stay linked. */
    id: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'Use 1–40 letters, digits, dashes or underscores.' })
      .refine((id) => id !== '__proto__', { message: 'Choose another id: this one is reserved.' })
      .optional(),
    label: z.string().trim().min(1, { message: 'Give the question a label.' }).max(200),
    type: z.enum(['text', 'textarea', 'select', 'checkbox', 'phone']),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .refine((q) => q.type !== 'select' || (q.options?.length ?? 0) >= 1, {
    message: 'A select question needs at least one option.',
    path: ['options'],
  });

const meetingTypeFields = {
  title: z.string().trim().min(1, { message: 'Give the meeting type a title.' }).max(120),
  slug: slugSchema,
  description: z.string().max(5000),
  kind: z.enum(['quick', 'business']),
  durationMinutes: minutes(5, 720, 'Duration'),
  slotIntervalMinutes: minutes(5, 720, 'Slot interval').nullable(),
  bufferBeforeMinutes: minutes(0, 720, 'Buffer before'),
  bufferAfterMinutes: minutes(0, 720, 'Buffer after'),
  minimumNoticeMinutes: minutes(0, 60 * 24 * 365, 'Minimum notice'),
  bookingWindowDays: z
    .number()
    .int()
    .min(1, { message: 'Allow booking at least 1 day ahead.' })
    .max(730, { message: 'At most 730 days.' }),
  maxBookingsPerDay: z.number().int().min(1).max(1000).nullable(),
  requiresConfirmation: z.boolean(),
  location: locationSchema,
  questions: z
    .array(questionSchema)
    .max(30)
    .refine(
      (qs) => {
        const ids = qs.flatMap((q) => (q.id === undefined ? [] : [q.id]));
        return new Set(ids).size === ids.length;
      },
      { message: 'Question ids must be unique.' },
    ),
  reminderOffsetsMinutes: z
    .array(minutes(5, 60 * 24 * 30, 'A reminder'))
    .max(5, { message: 'At most 5 reminders.' })
    .refine((o) => new Set(o).size === o.length, { message: 'Reminder offsets must be different.' }),
  isActive: z.boolean(),
  isSecret: z.boolean(),
};

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
});
export type MeetingTypeCreate = z.infer<typeof meetingTypeCreateBody>;

export const meetingTypePatchBody = z
  .object(meetingTypeFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'Send at least one field to change.' });
export type MeetingTypePatch = z.infer<typeof meetingTypePatchBody>;

export const meetingTypeSchema = z.object({
  id: z.uuid(),
  ...meetingTypeFields,
  location: z.object({ type: meetingTypeFields.location.shape.type, value: z.string().optional() }),
  questions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      type: questionSchema.shape.type,
      required: z.boolean(),
      options: z.array(z.string()).optional(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingTypeView = z.infer<typeof meetingTypeSchema>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'Use HH:mm, e.g. 09:00.' });
const localDate = z.iso.date({ message: 'Use YYYY-MM-DD.' });
const intervalFields = {
  start: localTime,
  end: localTime,
  /** Confirms that an end at or before the start is on the next day (22:00–02:00); answers carry it too. */
  endsNextDay: z.boolean().optional(),
};
const ENDS_BEFORE_START_MESSAGE =
  'This interval ends before it starts. If it runs past midnight, mark it as ending the next day.';
/** Whether an interval's end is at or before its start, so that it runs past midnight (24:00 ends the same day). */
export function endsBeforeStart(i: { start: string; end: string }): boolean {
  return minutesOf(i.end) <= minutesOf(i.start);
}
/**
 * An interval that runs past midnight must say so: 09:00–08:00 is far more often a typo than a night shift,
 * and taking it silently would open the small hours of the next day.
 */
const validInterval = <T extends { start: string; end: string; endsNextDay?: boolean | undefined }>(
  schema: z.ZodType<T>,
) =>
  schema
    .refine((i) => i.start !== i.end, { message: 'Start and end must differ.', path: ['end'] })
    .refine((i) => i.start !== '24:00', { message: 'An interval starts at 23:59 at the latest.', path: ['start'] })
    .refine((i) => i.start === i.end || i.endsNextDay === true || !endsBeforeStart(i), {
      message: ENDS_BEFORE_START_MESSAGE,
      path: ['end'],
    })
    .refine((i) => i.endsNextDay !== true || endsBeforeStart(i), {
      message: 'This interval ends on the day it starts, so it cannot end the next day.',
      path: ['endsNextDay'],
    });
const interval = validInterval(z.object(intervalFields));
const weeklyInterval = validInterval(z.object({ weekday: z.number().int().min(1).max(7), ...intervalFields }));

function minutesOf(hhmm: string) {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Intervals of one day, as minutes; an end at or before the start runs past midnight. */
function overlapsWithin(intervals: { start: string; end: string }[]): boolean {
  const spans = intervals
    .map((i) => {
      const start = minutesOf(i.start);
      const end = minutesOf(i.end);
      return [start, end <= start ? end + 1440 : end] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  return spans.some((s, k) => k > 0 && s[0] < spans[k - 1]![1]);
}

export const availabilitySchema = z
  .object({
    timeZone: timeZoneSchema,
    weekly: z.array(weeklyInterval).max(70),
    overrides: z.array(z.object({ date: localDate, intervals: z.array(interval).max(10) })).max(366),
  })
  .superRefine((a, ctx) => {
    for (let day = 1; day <= 7; day++) {
      if (overlapsWithin(a.weekly.filter((w) => w.weekday === day))) {
        ctx.addIssue({ code: 'custom', path: ['weekly'], message: `Intervals on weekday ${day} overlap.` });
      }
    }
    const dates = new Set<string>();
    a.overrides.forEach((o, k) => {
      if (dates.has(o.date))
        ctx.addIssue({ code: 'custom', path: ['overrides', k, 'date'], message: 'This date appears twice.' });
      dates.add(o.date);
      if (overlapsWithin(o.intervals))
        ctx.addIssue({ code: 'custom', path: ['overrides', k, 'intervals'], message: 'Intervals overlap.' });
    });
  });
export type Availability = z.infer<typeof availabilitySchema>;

// Far-off years are never a real booking and only reach edge cases of the date arithmetic and the database.
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
const LATEST_INSTANT = Date.UTC(2201, 0, 1);
const instant = z.iso
  .datetime({ offset: true, message: 'Use an ISO 8601 instant, e.g. 2026-03-09T14:00:00Z.' })
  .refine((value) => Date.parse(value) >= EARLIEST_INSTANT && Date.parse(value) < LATEST_INSTANT, {
    message: 'Use a date between the years 2000 and 2200.',
  });

export const slotsQuery = z.object({
  user: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  from: instant,
  to: instant,
  timeZone: timeZoneSchema.optional(),
});

export const slotSchema = z.object({ start: z.string(), end: z.string() });
export const slotsResponse = z.object({ timeZone: z.string(), slots: z.array(slotSchema) });

export const bookBody = z.object({
  user: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  start: instant,
  timeZone: timeZoneSchema,
  invitee: z.object({
    name: personNameSchema,
    email: z.email({ message: 'Enter a valid e-mail address.' }).max(254),
  }),
  /** The clock the invitee reads times on; their e-mails follow it (24-hour when left out). */
  hourCycle: z.enum(['h12', 'h23'], { message: 'Use h12 for a 12-hour clock or h23 for 24-hour.' }).optional(),
  answers: z.record(z.string(), z.union([z.string().max(5000), z.boolean()])).default({}),
  notes: z.string().max(5000).optional(),
});
export type BookInput = z.infer<typeof bookBody>;

export const bookingStatusSchema = z.enum(['pending', 'confirmed', 'cancelled', 'declined']);

export const bookingSchema = z.object({
  uid: z.string(),
  status: bookingStatusSchema,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  eventType: z.object({ id: z.uuid(), title: z.string(), slug: z.string() }),
  host: z.object({ name: z.string(), username: z.string() }),
  invitee: z.object({ name: z.string(), email: z.string() }),
  location: z.object({ type: z.string(), url: z.string().optional(), value: z.string().optional() }),
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  noShow: z.boolean(),
  reminders: z.array(z.object({ offsetMinutes: z.number(), scheduledFor: z.string(), status: z.string() })),
  links: z.object({ manage: z.string(), cancel: z.string(), reschedule: z.string(), ics: z.string() }).optional(),
  /** The host's view only: how the video provider's link is getting on. */
  video: videoStatusSchema.optional(),
});
export type BookingView = z.infer<typeof bookingSchema>;
export const bookingResponse = z.object({ booking: bookingSchema });

export const bookingListQuery = z.object({
  status: z.enum(['upcoming', 'past', 'pending', 'confirmed', 'cancelled', 'declined']).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export const hostActionBody = z.object({
  action: z.enum(['confirm', 'decline', 'cancel', 'no_show']),
  reason: z.string().trim().max(1000).optional(),
});
export const inviteeCancelBody = z.object({
  token: z.string().min(1).max(200),
  reason: z.string().trim().max(1000).optional(),
});
export const inviteeRescheduleBody = z.object({ token: z.string().min(1).max(200), start: instant });
export const tokenQuery = z.object({ token: z.string().min(1).max(200).optional() });

export const publicMeetingTypeSchema = z.object({
  title: z.string(),
  slug: z.string(),
  description: z.string(),
  kind: z.enum(['quick', 'business']),
  durationMinutes: z.number(),
  locationType: locationSchema.shape.type,
  requiresConfirmation: z.boolean(),
  bookingWindowDays: z.number(),
  questions: meetingTypeSchema.shape.questions,
});
export const publicHostSchema = z.object({ name: z.string(), username: z.string(), timeZone: z.string() });
export const publicPageResponse = z.object({ host: publicHostSchema, meetingType: publicMeetingTypeSchema });
export const publicProfileResponse = z.object({
  host: publicHostSchema,
  meetingTypes: z.array(publicMeetingTypeSchema),
});
