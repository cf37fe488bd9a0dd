import { z } from 'zod';
import { bookingQuestionShape, meetingLocationShape, type MeetingLocation } from '../../db/schema/stored-json.js';
import { LOCATION_TYPES_WITH_VALUE, MEETING_KINDS } from '../../db/schema/values.js';

/**
 * The rules a meeting type's fields follow, shared with the browser: the type editor runs them on its draft
 * before saving. Imports only zod and the stored shapes; schemas.ts builds the request bodies from them.
 */

const minutes = (min: number, max: number, label: string) =>
  z
    .number()
    .int({ message: `${label} must be a whole number of minutes.` })
    .min(min, { message: `${label} must be at least ${min} minutes.` })
    .max(max, { message: `${label} must be at most ${max} minutes.` });

export const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
  message: 'Use lowercase letters, digits and dashes (1–64), starting and ending with a letter or digit.',
});

/** Only these locations take typed-in text; video links are made for each booking instead. */
export const takesLocationValue = (type: MeetingLocation['type']) =>
  (LOCATION_TYPES_WITH_VALUE as readonly string[]).includes(type);

export const locationSchema = meetingLocationShape
  .extend({ value: z.string().trim().max(500).optional() })
  .refine((l) => !takesLocationValue(l.type) || Boolean(l.value), {
    message: 'Give the address or phone number.',
    path: ['value'],
  });

export const questionSchema = bookingQuestionShape
  .extend({
    /** Left out for a new question: the server gives it one. Kept on later saves, so answers stay linked. */
    id: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,40}$/, { message: 'Use 1–40 letters, digits, dashes or underscores.' })
      .refine((id) => id !== '__proto__', { message: 'Choose another id: this one is reserved.' })
      .optional(),
    label: z.string().trim().min(1, { message: 'Give the question a label.' }).max(200),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .refine((q) => q.type !== 'select' || (q.options?.length ?? 0) >= 1, {
    message: 'A select question needs at least one option.',
    path: ['options'],
  });

/** Stored lowercase, as the database's check wants; typed in either case. */
export const colorSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { message: 'Use a colour like #4f46e5: a # and six hexadecimal digits.' });

/**
 * Only web addresses: the booking page sends the invitee there, so a javascript: or data: address would run in
 * the booking page's origin.
 */
export const redirectUrlSchema = z
  .url({ protocol: /^https?$/, message: 'Use a full web address starting with https:// or http://.' })
  .max(2000, { message: 'Use at most 2000 characters.' });

export const meetingTypeFields = {
  title: z.string().trim().min(1, { message: 'Give the meeting type a title.' }).max(120),
  slug: slugSchema,
  description: z.string().max(5000),
  kind: z.enum(MEETING_KINDS),
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
  /** One of the host's schedules; null follows whichever is the default. */
  scheduleId: z.uuid({ message: 'Choose one of your schedules.' }).nullable(),
  /** Null: the dashboard picks one from its palette. */
  color: colorSchema.nullable(),
  redirectUrl: redirectUrlSchema.nullable(),
  /** Adds the invitee's name and e-mail, the times, the type and the booking's uid to the redirect address. */
  redirectWithDetails: z.boolean(),
};

/** Every field of a meeting type, all required: what the editor checks a whole draft against. */
export const meetingTypeRules = z.object(meetingTypeFields);
