import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { i18n, loadLanguage } from '../../lib/i18n';
import { bookingFormErrors } from './bookingErrors';

const formFields = ['invitee.name', 'invitee.email', 'notes', 'answers.topic'];
const refused = (fields: Record<string, string>) =>
  new ApiError(422, 'validation_failed', 'Some fields are invalid.', fields);

describe('a refused booking in the form’s words', () => {
  beforeAll(() => loadLanguage('de'));
  const de = () => i18n.getFixedT('de');

  it('puts the form’s own sentence under each field the server faulted, in the page’s language', () => {
    const own = { 'invitee.email': 'Geben Sie Ihre E-Mail-Adresse ein.' };
    expect(
      bookingFormErrors(refused({ 'invitee.email': 'Enter a valid e-mail address.' }), formFields, own, de()),
    ).toEqual({ fields: { 'invitee.email': 'Geben Sie Ihre E-Mail-Adresse ein.' } });
  });

  it('asks to check a field its rules find nothing wrong with, and words faults elsewhere above the form', () => {
    expect(
      bookingFormErrors(refused({ 'answers.topic': 'This question is not asked.' }), formFields, {}, de()),
    ).toEqual({
      fields: { 'answers.topic': 'Bitte prüfen Sie diese Angabe.' },
    });
    expect(bookingFormErrors(refused({ locale: 'Use one of en, de.' }), formFields, {}, de())).toEqual({
      fields: {},
      message: 'Einige Angaben konnten nicht übernommen werden. Prüfen Sie sie, und versuchen Sie es erneut.',
    });
  });

  it('words other answers by their code, never with the server’s English', () => {
    const limited = new ApiError(429, 'rate_limited', 'Too many requests. Try again later.');
    expect(bookingFormErrors(limited, formFields, {}, de()).message).toBe(
      'Zu viele Anfragen. Bitte versuchen Sie es später erneut.',
    );
    const offline = new ApiError(0, 'network_error', 'Could not reach the server.');
    expect(bookingFormErrors(offline, formFields, {}, i18n.getFixedT('en')).message).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
  });
});
