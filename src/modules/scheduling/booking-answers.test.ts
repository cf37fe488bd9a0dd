import { describe, expect, it } from 'vitest';
import type { BookingQuestion } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { answerTo, checkAnswers, type Answers } from './booking-answers.js';

const questions: BookingQuestion[] = [
  { id: 'q_topic', label: 'Topic', type: 'text', required: true },
  { id: 'q_size', label: 'Team size', type: 'select', required: false, options: ['1-10', '11-50'] },
  { id: 'q_phone', label: 'Phone', type: 'phone', required: false },
  { id: 'q_terms', label: 'I accept the terms', type: 'checkbox', required: true },
];

/** The field errors checkAnswers answers with, or undefined when the answers pass. */
function faultsOf(answers: Answers): Record<string, string> | undefined {
  try {
    checkAnswers(questions, answers);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.statusCode).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Some answers are missing or invalid.');
    return (error.details as { fields: Record<string, string> }).fields;
  }
}

describe('booking answers', () => {
  it('accepts complete answers of the right kinds', () => {
    expect(faultsOf({ q_topic: 'Pricing', q_size: '11-50', q_phone: '+49 (30) 123-456', q_terms: true })).toBe(
      undefined,
    );
    expect(faultsOf({ q_topic: 'Pricing', q_terms: true })).toBe(undefined);
  });

  it('names every missing required answer at once; empty text and an unticked box count as missing', () => {
    expect(faultsOf({})).toEqual({
      'answers.q_topic': '“Topic” is required.',
      'answers.q_terms': '“I accept the terms” is required.',
    });
    expect(faultsOf({ q_topic: '', q_terms: false })).toEqual({
      'answers.q_topic': '“Topic” is required.',
      'answers.q_terms': '“I accept the terms” is required.',
    });
  });

  it('refuses answers of the wrong kind, unknown options and unlikely phone numbers', () => {
    expect(faultsOf({ q_topic: true, q_terms: 'yes', q_size: '500+', q_phone: 'call me' })).toEqual({
      'answers.q_topic': 'Answer with text.',
      'answers.q_terms': 'Answer with true or false.',
      'answers.q_size': 'Pick one of the options.',
      'answers.q_phone': 'Enter a phone number.',
    });
  });

  it('refuses answers to questions that are not asked', () => {
    expect(faultsOf({ q_topic: 'Pricing', q_terms: true, q_other: 'x' })).toEqual({
      'answers.q_other': 'This question is not asked.',
    });
  });

  it('reads only the answers’ own properties', () => {
    expect(answerTo({}, 'constructor')).toBe(undefined);
    expect(answerTo({ constructor: 'mine' }, 'constructor')).toBe('mine');
    // Otherwise Object.prototype.constructor would pass for an answer to a required question of that id.
    const builder: BookingQuestion = { id: 'constructor', label: 'Builder', type: 'text', required: true };
    expect(() => checkAnswers([builder], {})).toThrow(AppError);
  });
});
