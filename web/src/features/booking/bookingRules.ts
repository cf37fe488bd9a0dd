import { inviteeSchema, MAX_TEXT_LENGTH } from '../../../../src/modules/scheduling/bookings.rules';
import type { FieldErrors } from '../../lib/api';
import { firstIssue } from '../../lib/serverRules';
import type { Question } from './api';

// The invitee's fields follow the server's own rules; the answers are checked as the server checks them against
// the type's questions (bookings.service), worded for the form.
const phonePattern = /^\+?[0-9 ().-]{5,30}$/;
export const maxTextLength = MAX_TEXT_LENGTH;

export type Answers = Record<string, string | boolean>;

/** Own entries only: a question id such as "constructor" must not read Object.prototype. */
export const answerOf = (answers: Answers, id: string) => (Object.hasOwn(answers, id) ? answers[id] : undefined);

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
    const key = `answers.${question.id}`;
    const answer = answerOf(values.answers, question.id);
    const empty = answer === undefined || answer === '' || answer === false;
    if (empty) {
      if (question.required) {
        errors[key] = question.type === 'checkbox' ? 'Tick this box to continue.' : 'This question is required.';
      }
      continue;
    }
    if (typeof answer === 'string' && answer.length > maxTextLength) {
      errors[key] = `Use at most ${maxTextLength} characters.`;
    } else if (question.type === 'select' && !question.options?.includes(String(answer))) {
      errors[key] = 'Pick one of the options.';
    } else if (question.type === 'phone' && !phonePattern.test(String(answer))) {
      errors[key] = 'Enter a phone number: digits, spaces, and + ( ) . - only.';
    }
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
