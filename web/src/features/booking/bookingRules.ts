import {
  answerProblems,
  answerTo,
  inviteeSchema,
  MAX_TEXT_LENGTH,
  type AnswerProblem,
  type Answers,
} from '../../../../src/modules/scheduling/bookings.rules';
import type { FieldErrors } from '../../lib/api';
import { firstIssue } from '../../lib/serverRules';
import type { Question } from './api';

// The server's own rules (bookings.rules.ts), run before a round trip and worded for the form.
export const maxTextLength = MAX_TEXT_LENGTH;
export type { Answers };
export const answerOf = answerTo;

function sentenceOf(p: AnswerProblem<Question>): string | undefined {
  switch (p.problem) {
    case 'not_asked':
    case 'wrong_kind':
      // Neither can come from this form: it sends answers to the questions asked only, each from its own kind of
      // input (answersToSend). The server still checks both.
      return undefined;
    case 'missing':
      return p.question.type === 'checkbox' ? 'Tick this box to continue.' : 'This question is required.';
    case 'not_an_option':
      return 'Pick one of the options.';
    case 'not_a_phone_number':
      return 'Enter a phone number: digits, spaces, and + ( ) . - only.';
  }
}

export interface BookingFormValues {
  name: string;
  email: string;
  answers: Answers;
  notes: string;
}

export function validateBooking(values: BookingFormValues, questions: readonly Question[]): FieldErrors {
  const errors: FieldErrors = {};
  const name = firstIssue(inviteeSchema.shape.name, values.name);
  if (name) errors['invitee.name'] = name.message;
  const email = values.email.trim();
  if (email === '') errors['invitee.email'] = 'Enter your e-mail address.';
  else if (firstIssue(inviteeSchema.shape.email, email)) {
    errors['invitee.email'] = 'Enter a valid e-mail address, like name@example.com.';
  }
  for (const question of questions) {
    const answer = answerOf(values.answers, question.id);
    if (typeof answer === 'string' && answer.length > maxTextLength) {
      errors[`answers.${question.id}`] = `Use at most ${maxTextLength} characters.`;
    }
  }
  for (const problem of answerProblems(questions, values.answers)) {
    const sentence = sentenceOf(problem);
    if (sentence) errors[`answers.${problem.id}`] ??= sentence;
  }
  if (values.notes.length > maxTextLength) errors.notes = `Use at most ${maxTextLength} characters.`;
  return errors;
}

/** Only answered questions are sent; an unticked checkbox is an explicit false. */
export function answersToSend(answers: Answers, questions: readonly Question[]): Answers {
  const sent: Answers = {};
  for (const question of questions) {
    const answer = answerOf(answers, question.id);
    if (question.type === 'checkbox') sent[question.id] = answer === true;
    else if (typeof answer === 'string' && answer.trim() !== '') sent[question.id] = answer.trim();
  }
  return sent;
}
