import type { FieldErrors } from '../../lib/api';
import { randomUuid } from '../../lib/uuid';
import type { LocationType, QuestionType } from '../booking/api';
import type { MeetingType, MeetingTypeInput } from './api';

/** Only these locations take typed-in text; video links are made for each booking instead. */
export const takesLocationValue = (type: LocationType) => type === 'in_person' || type === 'phone';

export type Unit = 'minutes' | 'hours' | 'days';
export const unitMinutes: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };

export interface Amount {
  amount: string;
  unit: Unit;
}

export interface QuestionDraft {
  /** Stable React key, also for a new question that has no id yet. */
  key: string;
  /** The saved question's id; a new question has none until the server gives it one. */
  id?: string;
  label: string;
  type: QuestionType;
  required: boolean;
  optionsText: string;
}

/** The editor's state: numbers stay strings while typed, so a field can be empty for a moment. */
export interface MeetingTypeDraft {
  title: string;
  slug: string;
  description: string;
  kind: 'quick' | 'business';
  durationMinutes: string;
  slotIntervalMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minimumNotice: Amount;
  bookingWindowDays: string;
  maxBookingsPerDay: string;
  requiresConfirmation: boolean;
  locationType: LocationType;
  locationValue: string;
  questions: QuestionDraft[];
  reminderOffsetsMinutes: number[];
  isActive: boolean;
  isSecret: boolean;
}

export function toAmount(minutes: number): Amount {
  if (minutes > 0 && minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

export function describeOffset(minutes: number): string {
  const { amount, unit } = toAmount(minutes);
  const n = Number(amount);
  const word = unit === 'days' ? 'day' : unit === 'hours' ? 'hour' : 'minute';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function newQuestion(): QuestionDraft {
  return { key: randomUuid(), label: '', type: 'text', required: false, optionsText: '' };
}

/** Defaults match the server's (and what Calendly users expect), except notice, which starts at 4 hours. */
export function emptyDraft(): MeetingTypeDraft {
  return {
    title: '',
    slug: '',
    description: '',
    kind: 'quick',
    durationMinutes: '30',
    slotIntervalMinutes: '',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    minimumNotice: { amount: '4', unit: 'hours' },
    bookingWindowDays: '60',
    maxBookingsPerDay: '',
    requiresConfirmation: false,
    locationType: 'jitsi',
    locationValue: '',
    questions: [],
    reminderOffsetsMinutes: [1440, 60],
    isActive: true,
    isSecret: false,
  };
}

export function draftOf(type: MeetingType): MeetingTypeDraft {
  return {
    title: type.title,
    slug: type.slug,
    description: type.description,
    kind: type.kind,
    durationMinutes: String(type.durationMinutes),
    slotIntervalMinutes: type.slotIntervalMinutes === null ? '' : String(type.slotIntervalMinutes),
    bufferBeforeMinutes: String(type.bufferBeforeMinutes),
    bufferAfterMinutes: String(type.bufferAfterMinutes),
    minimumNotice: toAmount(type.minimumNoticeMinutes),
    bookingWindowDays: String(type.bookingWindowDays),
    maxBookingsPerDay: type.maxBookingsPerDay === null ? '' : String(type.maxBookingsPerDay),
    requiresConfirmation: type.requiresConfirmation,
    locationType: type.location.type,
    locationValue: type.location.value ?? '',
    questions: type.questions.map((q) => ({
      key: q.id,
      id: q.id,
      label: q.label,
      type: q.type,
      required: q.required,
      optionsText: (q.options ?? []).join('\n'),
    })),
    reminderOffsetsMinutes: [...type.reminderOffsetsMinutes],
    isActive: type.isActive,
    isSecret: type.isSecret,
  };
}

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const questionIdPattern = /^[a-zA-Z0-9_-]{1,40}$/;

function optionsOf(q: QuestionDraft): string[] {
  return q.optionsText
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** Mirrors the server's meeting-type rules; error keys are the server's field paths. */
export function validateDraft(d: MeetingTypeDraft): FieldErrors {
  const errors: FieldErrors = {};
  const whole = (value: string, key: string, min: number, max: number, label: string, optional = false) => {
    if (optional && value.trim() === '') return;
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n)) errors[key] = `${label} must be a whole number.`;
    else if (n < min || n > max) errors[key] = `${label} must be between ${min} and ${max}.`;
  };
  if (d.title.trim() === '') errors.title = 'Give the meeting type a title.';
  else if (d.title.trim().length > 120) errors.title = 'Use at most 120 characters.';
  if (!slugPattern.test(d.slug)) {
    errors.slug = 'Use lowercase letters, digits and dashes (1–64), starting and ending with a letter or digit.';
  }
  if (d.description.length > 5000) errors.description = 'Use at most 5000 characters.';
  whole(d.durationMinutes, 'durationMinutes', 5, 720, 'Duration');
  whole(d.slotIntervalMinutes, 'slotIntervalMinutes', 5, 720, 'Start times every', true);
  whole(d.bufferBeforeMinutes, 'bufferBeforeMinutes', 0, 720, 'Buffer before');
  whole(d.bufferAfterMinutes, 'bufferAfterMinutes', 0, 720, 'Buffer after');
  const notice = Number(d.minimumNotice.amount);
  if (d.minimumNotice.amount.trim() === '' || !Number.isInteger(notice) || notice < 0) {
    errors.minimumNoticeMinutes = 'Minimum notice must be a whole number, 0 or more.';
  } else if (notice * unitMinutes[d.minimumNotice.unit] > 525_600) {
    errors.minimumNoticeMinutes = 'Minimum notice can be at most a year.';
  }
  whole(d.bookingWindowDays, 'bookingWindowDays', 1, 730, 'Booking window');
  whole(d.maxBookingsPerDay, 'maxBookingsPerDay', 1, 1000, 'Daily limit', true);
  if (takesLocationValue(d.locationType)) {
    if (d.locationValue.trim() === '')
      errors['location.value'] = d.locationType === 'phone' ? 'Give the phone number.' : 'Give the address.';
    else if (d.locationValue.trim().length > 500) errors['location.value'] = 'Use at most 500 characters.';
  }
  if (d.questions.length > 30) errors.questions = 'At most 30 questions.';
  const ids = new Set<string>();
  d.questions.forEach((q, i) => {
    if (q.label.trim() === '') errors[`questions.${i}.label`] = 'Give the question a label.';
    else if (q.label.trim().length > 200) errors[`questions.${i}.label`] = 'Use at most 200 characters.';
    if (q.id !== undefined) {
      if (!questionIdPattern.test(q.id) || ids.has(q.id)) errors[`questions.${i}.id`] = 'Question ids must be unique.';
      ids.add(q.id);
    }
    const options = optionsOf(q);
    if (q.type === 'select' && options.length === 0) errors[`questions.${i}.options`] = 'Give at least one option.';
    else if (options.length > 50) errors[`questions.${i}.options`] = 'At most 50 options.';
    else if (options.some((o) => o.length > 100))
      errors[`questions.${i}.options`] = 'Each option: at most 100 characters.';
  });
  if (d.reminderOffsetsMinutes.length > 5) errors.reminderOffsetsMinutes = 'At most 5 reminders.';
  return errors;
}

export function inputOf(d: MeetingTypeDraft): MeetingTypeInput {
  const value = d.locationValue.trim();
  return {
    title: d.title.trim(),
    slug: d.slug,
    description: d.description,
    kind: d.kind,
    durationMinutes: Number(d.durationMinutes),
    slotIntervalMinutes: d.slotIntervalMinutes.trim() === '' ? null : Number(d.slotIntervalMinutes),
    bufferBeforeMinutes: Number(d.bufferBeforeMinutes),
    bufferAfterMinutes: Number(d.bufferAfterMinutes),
    minimumNoticeMinutes: Number(d.minimumNotice.amount) * unitMinutes[d.minimumNotice.unit],
    bookingWindowDays: Number(d.bookingWindowDays),
    maxBookingsPerDay: d.maxBookingsPerDay.trim() === '' ? null : Number(d.maxBookingsPerDay),
    requiresConfirmation: d.requiresConfirmation,
    location: value && takesLocationValue(d.locationType) ? { type: d.locationType, value } : { type: d.locationType },
    questions: d.questions.map((q) => {
      const base = {
        ...(q.id === undefined ? {} : { id: q.id }),
        label: q.label.trim(),
        type: q.type,
        required: q.required,
      };
      return q.type === 'select' ? { ...base, options: optionsOf(q) } : base;
    }),
    reminderOffsetsMinutes: [...d.reminderOffsetsMinutes].sort((a, b) => b - a),
    isActive: d.isActive,
    isSecret: d.isSecret,
  };
}
