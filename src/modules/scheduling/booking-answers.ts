import type { BookingQuestion } from '../../db/schema/index.js';
import { invalid } from '../../lib/errors.js';
import { answerProblems, type AnswerProblem, type Answers } from './bookings.rules.js';

export { answerTo, type Answers } from './bookings.rules.js';

function messageOf(p: AnswerProblem<BookingQuestion>): string {
  switch (p.problem) {
    case 'not_asked':
      return 'This question is not asked.';
    case 'missing':
      return `“${p.question.label}” is required.`;
    case 'wrong_kind':
      return p.question.type === 'checkbox' ? 'Answer with true or false.' : 'Answer with text.';
    case 'not_an_option':
      return 'Pick one of the options.';
    case 'not_a_phone_number':
      return 'Enter a phone number.';
  }
}

/**
 * Holds the invitee's answers to the meeting type's questions by the rules in bookings.rules.ts, which the
 * booking form runs too. One 422 names every field at fault, so a form can mark them all at once.
 */
export function checkAnswers(questions: readonly BookingQuestion[], answers: Answers) {
  const fields: Record<string, string> = {};
  for (const problem of answerProblems(questions, answers)) fields[`answers.${problem.id}`] = messageOf(problem);
  if (Object.keys(fields).length) throw invalid(fields, 'Some answers are missing or invalid.');
}
