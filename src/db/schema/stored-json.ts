import { z } from 'zod';
import { LOCATION_TYPES, ONBOARDING_STEPS, QUESTION_TYPES } from './values.js';

/**
 * The shapes of the JSON the tables store, as zod objects: the Drizzle columns take their types from them, the
 * modules' input schemas extend them with their rules and messages, and their answers reuse them. Imports
 * only zod and the value lists, so the browser can load it.
 */

const locationType = z.enum(LOCATION_TYPES);
export type LocationType = z.output<typeof locationType>;
const questionType = z.enum(QUESTION_TYPES);
export type QuestionType = z.output<typeof questionType>;

/** Where a meeting type's meetings take place; `value` is the address or phone number the host typed in. */
export const meetingLocationShape = z.object({ type: locationType, value: z.string().optional() });
export type MeetingLocation = z.output<typeof meetingLocationShape>;

/** A booking's location: its type's, plus the meeting's own link once it is known (video calls). */
export const bookedLocationShape = z.object({
  type: locationType,
  url: z.string().optional(),
  value: z.string().optional(),
});
export type BookedLocation = z.output<typeof bookedLocationShape>;

/** A question the booking form asks; answers are stored under its id, so the id never changes. */
export const bookingQuestionShape = z.object({
  id: z.string(),
  label: z.string(),
  type: questionType,
  required: z.boolean(),
  options: z.array(z.string()).optional(),
});
export type BookingQuestion = z.output<typeof bookingQuestionShape>;

/** Local wall times of one day, "HH:mm"; an end at or before the start belongs to the next day. */
export const timeIntervalShape = z.object({ start: z.string(), end: z.string() });
/** Weekly hours: ISO weekday, Monday = 1. */
export const weeklyIntervalShape = z.object({ weekday: z.number(), ...timeIntervalShape.shape });
export type WeeklyInterval = z.output<typeof weeklyIntervalShape>;
/** One local date's hours, replacing the weekly ones; no intervals is a day off. */
export const dateOverrideShape = z.object({ date: z.string(), intervals: z.array(timeIntervalShape) });
export type DateOverride = z.output<typeof dateOverrideShape>;

/**
 * Where a new host is in the first-run guide: the steps done, and when they put it away (skipped; it can be
 * resumed) or finished it. Hosts from before the guide existed start finished.
 */
export const onboardingShape = z.object({
  done: z.array(z.enum(ONBOARDING_STEPS)).optional(),
  dismissedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type Onboarding = z.output<typeof onboardingShape>;
