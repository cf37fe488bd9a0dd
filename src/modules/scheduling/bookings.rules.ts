import { z } from 'zod/mini';
import type { BookingQuestion } from '../../db/schema/stored-json.js';
import { personNameSchema } from '../identity/users.rules.js';

/**
 * The rules the booking form follows, shared with the browser, which runs them before booking: the invitee's
 * own fields, and the answers to the type's questions. Imports only zod/mini (see users.rules.ts) and other rules.
 */

/** The longest answer or note an invitee may write. */
export const MAX_TEXT_LENGTH = 5000;

export const inviteeSchema = z.object({
  name: personNameSchema,
  email: z.email({ error: 'Enter a valid e-mail address.' }).check(z.maxLength(254)),
});

export const answersSchema = z.record(
  z.string(),
  z.union([z.string().check(z.maxLength(MAX_TEXT_LENGTH)), z.boolean()]),
);
export const notesSchema = z.string().check(z.maxLength(MAX_TEXT_LENGTH));

/** The host's private note on a booking: as long as an invitee's notes may be; empty clears it. */
export const hostNoteSchema = z
  .string()
  .check(z.trim(), z.maxLength(MAX_TEXT_LENGTH, { error: `Keep the note to ${MAX_TEXT_LENGTH} characters.` }));

/** The longest search the host's booking list takes: more than any name or e-mail address. */
export const MAX_SEARCH_LENGTH = 200;
export const bookingSearchSchema = z
  .string()
  .check(z.trim(), z.maxLength(MAX_SEARCH_LENGTH, { error: `Search for at most ${MAX_SEARCH_LENGTH} characters.` }));

/** How many bookings a page of the host's list holds when not asked, and at most. */
export const BOOKING_PAGE_SIZE = 50;
export const MAX_BOOKING_PAGE_SIZE = 200;
const pageSizeError = `Use a whole number from 1 to ${MAX_BOOKING_PAGE_SIZE}.`;
export const bookingPageSizeSchema = z
  .pipe(z.string().check(z.regex(/^[0-9]{1,9}$/, { error: pageSizeError })), z.transform(Number))
  .check(z.refine((n) => n >= 1 && n <= MAX_BOOKING_PAGE_SIZE, { error: pageSizeError }));

export type Answers = Record<string, string | boolean>;

/** Own properties only: a question id such as "constructor" must not read Object.prototype. */
export const answerTo = (answers: Answers, id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

/** What can be wrong with one answer; the server and the booking form each word it their own way. */
export type AnswerProblem<Q> =
  | { id: string; problem: 'not_asked' }
  | { id: string; problem: 'missing' | 'wrong_kind' | 'not_an_option' | 'not_a_phone_number'; question: Q };

const PHONE_NUMBER = /^\+?[0-9 ().-]{5,30}$/;

/**
 * Every answer at fault: answers to questions not asked, required ones missing (empty text and an unticked box
 * count as missing), and answers not of their question's kind.
 */
export function answerProblems<Q extends Pick<BookingQuestion, 'id' | 'type' | 'required' | 'options'>>(
  questions: readonly Q[],
  answers: Answers,
): AnswerProblem<Q>[] {
  const problems: AnswerProblem<Q>[] = [];
  const asked = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!asked.has(id)) problems.push({ id, problem: 'not_asked' });
  for (const question of questions) {
    const a = answerTo(answers, question.id);
    const fault = (problem: Exclude<AnswerProblem<Q>['problem'], 'not_asked'>) =>
      problems.push({ id: question.id, problem, question });
    if (a === undefined || a === '' || a === false) {
      if (question.required) fault('missing');
    } else if (question.type === 'checkbox' ? typeof a !== 'boolean' : typeof a !== 'string') {
      fault('wrong_kind');
    } else if (question.type === 'select' && !question.options?.includes(a as string)) {
      fault('not_an_option');
    } else if (question.type === 'phone' && !PHONE_NUMBER.test(a as string)) {
      fault('not_a_phone_number');
    }
  }
  return problems;
}
