import {
  meetingTypeFields,
  meetingTypeRules,
  takesLocationValue,
} from '../../../../src/modules/scheduling/meeting-types.rules';
import type { FieldErrors } from '../../lib/api';
import { fieldOf, issuesOf } from '../../lib/serverRules';
import { randomUuid } from '../../lib/uuid';
import type { LocationType, QuestionType } from '../booking/api';
import { toAmount, unitMinutes, type Amount } from './amounts';
import type { MeetingType, MeetingTypeInput } from './api';

export { takesLocationValue };

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
  /** Empty: the host's default schedule, whichever it is. */
  scheduleId: string;
  /** Empty: a colour from the palette, picked by the type's id. */
  color: string;
  redirectUrl: string;
  redirectWithDetails: boolean;
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
    scheduleId: '',
    color: '',
    redirectUrl: '',
    redirectWithDetails: false,
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
    scheduleId: type.scheduleId ?? '',
    color: type.color ?? '',
    redirectUrl: type.redirectUrl ?? '',
    redirectWithDetails: type.redirectWithDetails,
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

function optionsOf(q: QuestionDraft): string[] {
  return q.optionsText
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** The number fields the editor keeps as typed text, with the names the form gives them. */
const NUMBER_LABELS = {
  durationMinutes: 'Duration',
  slotIntervalMinutes: 'Start times every',
  bufferBeforeMinutes: 'Buffer before',
  bufferAfterMinutes: 'Buffer after',
  bookingWindowDays: 'Booking window',
  maxBookingsPerDay: 'Daily limit',
} as const;
type NumberField = keyof typeof NUMBER_LABELS;
const isNumberField = (key: string | undefined): key is NumberField => !!key && Object.hasOwn(NUMBER_LABELS, key);

/** What the server's rule for a number field allows: its bounds, and whether it may be left empty (null). */
function numberRule(key: NumberField) {
  const field = meetingTypeFields[key];
  const number = 'unwrap' in field ? field.unwrap() : field;
  return { optional: number !== field, min: number.minValue, max: number.maxValue };
}

const NOTICE_WHOLE = 'Minimum notice must be a whole number, 0 or more.';
const NOTICE_TOO_LONG = 'Minimum notice can be at most a year.';

/** An issue of the server's rules as this form shows it: under which field, in which words. */
function sentenceOf(issue: ReturnType<typeof issuesOf>[number], d: MeetingTypeDraft): [string, string] {
  const [field, index, part] = issue.path.map(String);
  const outOfRange = issue.code === 'too_small' || issue.code === 'too_big';
  if (isNumberField(field)) {
    const { min, max } = numberRule(field);
    const label = NUMBER_LABELS[field];
    return [field, outOfRange ? `${label} must be between ${min} and ${max}.` : `${label} must be a whole number.`];
  }
  if (field === 'minimumNoticeMinutes') return [field, issue.code === 'too_big' ? NOTICE_TOO_LONG : NOTICE_WHOLE];
  if (field === 'location' && index === 'value' && issue.code === 'custom') {
    return ['location.value', d.locationType === 'phone' ? 'Give the phone number.' : 'Give the address.'];
  }
  if (field === 'questions' && index === undefined && issue.code === 'too_big') {
    return ['questions', 'At most 30 questions.'];
  }
  if (field === 'questions' && part === 'id') return [`questions.${index}.id`, 'Question ids must be unique.'];
  if (field === 'questions' && part === 'options') {
    const key = `questions.${index}.options`;
    if (issue.path.length > 3) return [key, 'Each option: at most 100 characters.'];
    return [key, issue.code === 'too_big' ? 'At most 50 options.' : 'Give at least one option.'];
  }
  return [field === 'reminderOffsetsMinutes' ? field : fieldOf(issue), issue.message];
}

/**
 * The server's meeting-type rules (meeting-types.rules.ts) run on what a save would send, worded for this
 * form; error keys are the server's field paths. Number fields are text while typed, so the draft first asks
 * for whole numbers.
 */
export function validateDraft(d: MeetingTypeDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, label] of Object.entries(NUMBER_LABELS) as [NumberField, string][]) {
    const value = d[key].trim();
    if (value === '' && numberRule(key).optional) continue;
    if (value === '' || !Number.isInteger(Number(value))) errors[key] = `${label} must be a whole number.`;
  }
  const notice = d.minimumNotice.amount.trim();
  if (notice === '' || !Number.isInteger(Number(notice))) errors.minimumNoticeMinutes = NOTICE_WHOLE;
  for (const issue of issuesOf(meetingTypeRules, inputOf(d))) {
    const [key, sentence] = sentenceOf(issue, d);
    errors[key] ??= sentence;
  }
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
    scheduleId: d.scheduleId || null,
    color: d.color.trim() || null,
    redirectUrl: d.redirectUrl.trim() || null,
    redirectWithDetails: d.redirectWithDetails,
  };
}
