import { describe, expect, it } from 'vitest';
import { emptyDraft, inputOf, newQuestion, validateDraft, type MeetingTypeDraft } from './draft';

const valid = (): MeetingTypeDraft => ({ ...emptyDraft(), title: 'Intro call', slug: 'intro-call' });

describe('validateDraft', () => {
  it('accepts a new type with its defaults', () => {
    expect(validateDraft(valid())).toEqual({});
  });

  it('asks for a title and a usable slug in the server’s words', () => {
    expect(validateDraft({ ...valid(), title: '  ', slug: 'Intro Call' })).toEqual({
      title: 'Give the meeting type a title.',
      slug: 'Use lowercase letters, digits and dashes (1–64), starting and ending with a letter or digit.',
    });
    expect(validateDraft({ ...valid(), title: 'x'.repeat(121), description: 'd'.repeat(5001) })).toEqual({
      title: 'Use at most 120 characters.',
      description: 'Use at most 5000 characters.',
    });
  });

  it('wants whole numbers within the server’s bounds, and leaves optional numbers empty', () => {
    const draft = {
      ...valid(),
      durationMinutes: '',
      slotIntervalMinutes: '2.5',
      bufferBeforeMinutes: '-5',
      bookingWindowDays: '731',
      maxBookingsPerDay: '',
    };
    expect(validateDraft(draft)).toEqual({
      durationMinutes: 'Duration must be a whole number.',
      slotIntervalMinutes: 'Start times every must be a whole number.',
      bufferBeforeMinutes: 'Buffer before must be between 0 and 720.',
      bookingWindowDays: 'Booking window must be between 1 and 730.',
    });
  });

  it('keeps the minimum notice between none and a year', () => {
    expect(validateDraft({ ...valid(), minimumNotice: { amount: '1.5', unit: 'hours' } })).toEqual({
      minimumNoticeMinutes: 'Minimum notice must be a whole number, 0 or more.',
    });
    expect(validateDraft({ ...valid(), minimumNotice: { amount: '366', unit: 'days' } })).toEqual({
      minimumNoticeMinutes: 'Minimum notice can be at most a year.',
    });
  });

  it('asks for the address or phone number of an in-person or phone meeting', () => {
    expect(validateDraft({ ...valid(), locationType: 'phone', locationValue: ' ' })).toEqual({
      'location.value': 'Give the phone number.',
    });
    expect(validateDraft({ ...valid(), locationType: 'in_person', locationValue: '' })).toEqual({
      'location.value': 'Give the address.',
    });
    expect(validateDraft({ ...valid(), locationType: 'in_person', locationValue: 'x'.repeat(501) })).toEqual({
      'location.value': 'Use at most 500 characters.',
    });
  });

  it('checks each question’s label and a select question’s options', () => {
    const questions = [
      { ...newQuestion(), label: '' },
      { ...newQuestion(), label: 'Team size', type: 'select' as const, optionsText: '\n \n' },
      { ...newQuestion(), label: 'Plan', type: 'select' as const, optionsText: `basic\n${'p'.repeat(101)}` },
      { ...newQuestion(), label: 'Colour', type: 'select' as const, optionsText: 'x\n'.repeat(51) },
    ];
    expect(validateDraft({ ...valid(), questions })).toEqual({
      'questions.0.label': 'Give the question a label.',
      'questions.1.options': 'Give at least one option.',
      'questions.2.options': 'Each option: at most 100 characters.',
      'questions.3.options': 'At most 50 options.',
    });
  });

  it('allows at most 30 questions and 5 reminders', () => {
    const questions = Array.from({ length: 31 }, () => ({ ...newQuestion(), label: 'Why?' }));
    expect(validateDraft({ ...valid(), questions, reminderOffsetsMinutes: [10, 20, 30, 40, 50, 60] })).toEqual({
      questions: 'At most 30 questions.',
      reminderOffsetsMinutes: 'At most 5 reminders.',
    });
  });
});

describe('inputOf', () => {
  it('sends numbers, the location value only where it belongs, and select options only for select questions', () => {
    const input = inputOf({
      ...valid(),
      slotIntervalMinutes: '',
      minimumNotice: { amount: '2', unit: 'hours' },
      locationType: 'jitsi',
      locationValue: 'left over',
      questions: [{ ...newQuestion(), label: ' Topic ', optionsText: 'a' }],
    });
    expect(input).toMatchObject({
      slotIntervalMinutes: null,
      minimumNoticeMinutes: 120,
      location: { type: 'jitsi' },
      questions: [{ label: 'Topic', type: 'text', required: false }],
    });
    expect(input.questions?.[0]).not.toHaveProperty('options');
  });

  it('sends an empty schedule, colour or redirect as null: the default schedule, an automatic colour, no redirect', () => {
    expect(inputOf(valid())).toMatchObject({
      scheduleId: null,
      color: null,
      redirectUrl: null,
      redirectWithDetails: false,
    });
    const id = '5b0b8a3e-7f36-4a52-9d8e-0c8f1f0e2d11';
    expect(
      inputOf({ ...valid(), scheduleId: id, color: '#0EA5E9', redirectUrl: ' https://example.com/thanks ' }),
    ).toMatchObject({ scheduleId: id, color: '#0EA5E9', redirectUrl: 'https://example.com/thanks' });
  });
});

describe('the colour and the redirect', () => {
  it('are checked by the server’s rules before saving', () => {
    expect(validateDraft({ ...valid(), color: '#0EA5E9', redirectUrl: 'http://intranet/thanks' })).toEqual({});
    expect(validateDraft({ ...valid(), color: 'blue', redirectUrl: 'javascript:alert(1)' })).toEqual({
      color: 'Use a colour like #4f46e5: a # and six hexadecimal digits.',
      redirectUrl: 'Use a full web address starting with https:// or http://.',
    });
  });
});
