import { z } from 'zod';
import { personNameSchema } from '../identity/users.rules.js';

/**
 * The rules the booking form's own fields follow, shared with the browser, which runs them before booking.
 * Imports only zod and other rules; the answers to a type's questions are checked against the type.
 */

/** The longest answer or note an invitee may write. */
export const MAX_TEXT_LENGTH = 5000;

export const inviteeSchema = z.object({
  name: personNameSchema,
  email: z.email({ message: 'Enter a valid e-mail address.' }).max(254),
});

export const answersSchema = z.record(z.string(), z.union([z.string().max(MAX_TEXT_LENGTH), z.boolean()]));
export const notesSchema = z.string().max(MAX_TEXT_LENGTH);
