import type { BookingQuestion } from '../../db/schema/index.js';
import { invalid } from '../../lib/errors.js';

export type Answers = Record<string, string | boolean>;

/** Own properties only: a question id such as "constructor" must not read Object.prototype. */
export const answerTo = (answers: Answers, id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

/**
 * Holds the invitee's answers to the meeting type's questions: no answer to a question not asked, every
 * required one given, each of its question's kind. One 422 names every field at fault, so a form can mark them
 * all at once.
 */
export function checkAnswers(questions: readonly BookingQuestion[], answers: Answers) {
  const fields: Record<string, string> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) fields[`answers.${id}`] = 'This question is not asked.';
  for (const q of questions) {
    const a = answerTo(answers, q.id);
    const field = `answers.${q.id}`;
    if (a === undefined || a === '' || a === false) {
      if (q.required) fields[field] = `“${q.label}” is required.`;
    } else if (q.type === 'checkbox' ? typeof a !== 'boolean' : typeof a !== 'string') {
      fields[field] = q.type === 'checkbox' ? 'Answer with true or false.' : 'Answer with text.';
    } else if (q.type === 'select' && !q.options?.includes(a as string)) {
      fields[field] = 'Pick one of the options.';
    } else if (q.type === 'phone' && !/^\+?[0-9 ().-]{5,30}$/.test(a as string)) {
      fields[field] = 'Enter a phone number.';
    }
  }
  if (Object.keys(fields).length) throw invalid(fields, 'Some answers are missing or invalid.');
}
