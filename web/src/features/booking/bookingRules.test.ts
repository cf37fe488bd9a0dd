import { beforeAll, describe, expect, it } from 'vitest';
import { i18n, loadLanguage } from '../../lib/i18n';
import { answerOf, answersToSend, maxTextLength, validateBooking, type BookingFormValues } from './bookingRules';

const en = i18n.getFixedT('en');

type Questions = Parameters<typeof validateBooking>[1];

const questions: Questions = [
  { id: 'topic', label: 'Topic', type: 'text', required: true },
  { id: 'size', label: 'Team size', type: 'select', required: false, options: ['1-10', '11-50'] },
  { id: 'phone', label: 'Phone', type: 'phone', required: false },
  { id: 'terms', label: 'I agree', type: 'checkbox', required: true },
];
const filled: BookingFormValues = {
  name: 'Ivy Invitee',
  email: 'ivy@example.com',
  answers: { topic: 'Pricing', size: '1-10', phone: '+1 (555) 010-0000', terms: true },
  notes: '',
};

describe('validateBooking', () => {
  it('accepts a complete form', () => {
    expect(validateBooking(filled, questions, en)).toEqual({});
  });

  it('asks for a name and a valid e-mail address', () => {
    expect(validateBooking({ ...filled, name: '  ', email: '' }, questions, en)).toEqual({
      'invitee.name': 'Enter your name.',
      'invitee.email': 'Enter your e-mail address.',
    });
    expect(validateBooking({ ...filled, name: 'x'.repeat(121), email: 'ivy@example' }, questions, en)).toEqual({
      'invitee.name': 'Use at most 120 characters.',
      'invitee.email': 'Enter a valid e-mail address, like name@example.com.',
    });
  });

  it('requires required answers, a ticked box for a required checkbox, and nothing of optional ones', () => {
    const errors = validateBooking({ ...filled, answers: { topic: '', terms: false } }, questions, en);
    expect(errors).toEqual({
      'answers.topic': 'This question is required.',
      'answers.terms': 'Tick this box to continue.',
    });
  });

  it('checks select options, phone numbers and text lengths', () => {
    const errors = validateBooking(
      {
        ...filled,
        answers: { ...filled.answers, topic: 'x'.repeat(maxTextLength + 1), size: '500+', phone: 'call me' },
        notes: 'n'.repeat(maxTextLength + 1),
      },
      questions,
      en,
    );
    expect(errors).toEqual({
      'answers.topic': 'Use at most 5,000 characters.',
      'answers.size': 'Pick one of the options.',
      'answers.phone': 'Enter a phone number: digits, spaces, and + ( ) . - only.',
      notes: 'Use at most 5,000 characters.',
    });
  });

  it('does not take Object.prototype for an answer to a question id such as "constructor"', () => {
    const odd: Questions = [{ id: 'constructor', label: 'Why', type: 'text', required: true }];
    expect(validateBooking({ ...filled, answers: {} }, odd, en)).toEqual({
      'answers.constructor': 'This question is required.',
    });
  });
});

describe('validateBooking in German', () => {
  beforeAll(() => loadLanguage('de'));

  it('words the same findings in German, with German number formatting', () => {
    const faulty = { name: '', email: 'ivy@', answers: { topic: '', terms: false }, notes: 'n'.repeat(5001) };
    expect(validateBooking(faulty, questions, i18n.getFixedT('de'))).toEqual({
      'invitee.name': 'Geben Sie Ihren Namen ein.',
      'invitee.email': 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.com.',
      'answers.topic': 'Diese Frage muss beantwortet werden.',
      'answers.terms': 'Setzen Sie das Häkchen, um fortzufahren.',
      notes: 'Verwenden Sie höchstens 5.000 Zeichen.',
    });
  });
});

describe('answerOf', () => {
  it('reads own answers only', () => {
    expect(answerOf({ topic: 'Pricing' }, 'topic')).toBe('Pricing');
    expect(answerOf({}, 'constructor')).toBeUndefined();
    expect(answerOf({}, 'toString')).toBeUndefined();
    expect(answerOf({ constructor: 'Curious' }, 'constructor')).toBe('Curious');
  });
});

describe('answersToSend', () => {
  it('sends trimmed answered questions, an explicit false for an unticked box, and nothing unasked', () => {
    expect(answersToSend({ topic: '  Pricing  ', size: '', stray: 'not asked', constructor: 'x' }, questions)).toEqual({
      topic: 'Pricing',
      terms: false,
    });
    expect(answersToSend({ topic: '   ', terms: true }, questions)).toEqual({ terms: true });
  });

  it('sends nothing for a "constructor" question left unanswered', () => {
    const odd: Questions = [{ id: 'constructor', label: 'Why', type: 'text', required: false }];
    expect(answersToSend({}, odd)).toEqual({});
  });
});
