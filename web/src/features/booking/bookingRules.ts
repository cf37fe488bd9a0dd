import {
  answerProblems,
  answerTo,
  inviteeSchema,
  MAX_TEXT_LENGTH,
  type AnswerProblem,
  type Answers,
} from '../../../../src/modules/scheduling/bookings.rules';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../lib/api';
import { firstIssue } from '../../lib/serverRules';
import type { Question } from './api';

// The server's own rules (bookings.rules.ts), run before a round trip and worded for the form, in its language.
export const maxTextLength = MAX_TEXT_LENGTH;
export type { Answers };
export const answerOf = answerTo;

function sentenceOf(p: AnswerProblem<Question>, t: TFunction): string | undefined {
  switch (p.problem) {
    case 'not_asked':
    case 'wrong_kind':
      // Neither can come from this form: it sends answers to the questions asked only, each from its own kind of
      // input (answersToSend). The server still checks both.
      return undefined;
    case 'missing':
      return p.question.type === 'checkbox' ? t('rules.tick') : t('rules.required');
    case 'not_an_option':
      return t('rules.notAnOption');
    case 'not_a_phone_number':
      return t('rules.phone');
  }
}

/** The name rule's finding in the form's words: missing, too long, or written over more than one line. */
function nameSentence(name: string, t: TFunction): string | undefined {
  const issue = firstIssue(inviteeSchema.shape.name, name);
  if (!issue) return undefined;
  if (issue.code === 'too_small') return t('rules.nameMissing');
  if (issue.code === 'too_big') return t('rules.tooLong', { max: Number(issue.maximum) });
  return t('rules.nameOneLine');
}

export interface BookingFormValues {
  name: string;
  email: string;
  answers: Answers;
  notes: string;
}

export function validateBooking(values: BookingFormValues, questions: readonly Question[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const name = nameSentence(values.name, t);
  if (name) errors['invitee.name'] = name;
  const email = values.email.trim();
  if (email === '') errors['invitee.email'] = t('rules.emailMissing');
  else if (firstIssue(inviteeSchema.shape.email, email)) errors['invitee.email'] = t('rules.emailInvalid');
  const tooLong = t('rules.tooLong', { max: maxTextLength });
  for (const question of questions) {
    const answer = answerOf(values.answers, question.id);
    if (typeof answer === 'string' && answer.length > maxTextLength) errors[`answers.${question.id}`] = tooLong;
  }
  for (const problem of answerProblems(questions, values.answers)) {
    const sentence = sentenceOf(problem, t);
    if (sentence) errors[`answers.${problem.id}`] ??= sentence;
  }
  if (values.notes.length > maxTextLength) errors.notes = tooLong;
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
