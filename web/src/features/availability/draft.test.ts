import { describe, expect, it } from 'vitest';
import {
  availabilityOf,
  crossesMidnight,
  defaultInterval,
  draftOf,
  ENDS_BEFORE_START,
  newKey,
  nextOverrideDate,
  snapshotOf,
  validateDraft,
  type AvailabilityDraft,
  type IntervalDraft,
} from './draft';

type Availability = Parameters<typeof draftOf>[0];

const saved: Availability = {
  timeZone: 'Europe/Berlin',
  weekly: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 1, start: '13:00', end: '24:00' },
    { weekday: 5, start: '22:00', end: '02:00', endsNextDay: true },
  ],
  overrides: [
    { date: '2030-03-01', intervals: [] },
    { date: '2030-03-02', intervals: [{ start: '10:00', end: '11:00' }] },
  ],
};

const interval = (start: string, end: string, endsNextDay = false): IntervalDraft => ({
  key: newKey(),
  start,
  end,
  endsNextDay,
});
/** A draft with only Monday open, with the given intervals. */
const mondayDraft = (...intervals: IntervalDraft[]): AvailabilityDraft => ({
  timeZone: 'UTC',
  week: Array.from({ length: 7 }, (_, i) =>
    i === 0 ? { enabled: true, intervals } : { enabled: false, intervals: [defaultInterval()] },
  ),
  overrides: [],
});

describe('draftOf and availabilityOf', () => {
  it('turns saved hours into a draft of seven days and back unchanged', () => {
    const draft = draftOf(saved);
    expect(draft.week).toHaveLength(7);
    expect(draft.week.map((d) => d.enabled)).toEqual([true, false, false, false, true, false, false]);
    // A time input cannot show 24:00, so midnight at the end of the day reads 00:00 in the draft.
    expect(draft.week[0]!.intervals.map((i) => [i.start, i.end])).toEqual([
      ['09:00', '12:00'],
      ['13:00', '00:00'],
    ]);
    expect(draft.week[4]!.intervals[0]).toMatchObject({ start: '22:00', end: '02:00', endsNextDay: true });
    expect(draft.overrides.map((o) => [o.date, o.dayOff])).toEqual([
      ['2030-03-01', true],
      ['2030-03-02', false],
    ]);
    expect(availabilityOf(draft)).toEqual(saved);
  });

  it('gives a closed day and a day off one default interval to start from, and sends none for them', () => {
    const draft = draftOf(saved);
    expect(draft.week[1]!.intervals.map((i) => [i.start, i.end])).toEqual([['09:00', '17:00']]);
    expect(draft.overrides[0]!.intervals).toHaveLength(1);
    expect(availabilityOf(draft).weekly.some((w) => w.weekday === 2)).toBe(false);
    expect(availabilityOf(draft).overrides[0]!.intervals).toEqual([]);
  });

  it('drops "ends the next day" from an interval that no longer crosses midnight', () => {
    const sent = availabilityOf(mondayDraft(interval('09:00', '17:00', true)));
    expect(sent.weekly).toEqual([{ weekday: 1, start: '09:00', end: '17:00' }]);
  });

  it('gives every interval its own key', () => {
    const keys = draftOf(saved).week.flatMap((d) => d.intervals.map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('crossesMidnight', () => {
  it('is true when the end is at or before the start, except for an end at midnight', () => {
    expect(crossesMidnight({ start: '22:00', end: '02:00' })).toBe(true);
    expect(crossesMidnight({ start: '10:00', end: '10:00' })).toBe(true);
    expect(crossesMidnight({ start: '09:00', end: '17:00' })).toBe(false);
    expect(crossesMidnight({ start: '13:00', end: '00:00' })).toBe(false);
  });
});

describe('validateDraft', () => {
  it('accepts saved hours and ignores the intervals of a closed day or a day off', () => {
    const draft = draftOf(saved);
    draft.week[1]!.intervals = [interval('', '')];
    draft.overrides[0]!.intervals = [interval('12:00', '11:00')];
    expect(validateDraft(draft)).toEqual({});
  });

  it('names each day’s first problem', () => {
    expect(validateDraft(mondayDraft(interval('09:00', '')))).toEqual({
      'week.0': 'Fill in every start and end time.',
    });
    expect(validateDraft(mondayDraft(interval('09:00', '09:00')))).toEqual({
      'week.0': 'An interval needs different start and end times.',
    });
    expect(validateDraft(mondayDraft(interval('22:00', '02:00')))).toEqual({ 'week.0': ENDS_BEFORE_START });
    expect(validateDraft(mondayDraft(interval('09:00', '12:00'), interval('11:00', '13:00')))).toEqual({
      'week.0': 'These hours overlap.',
    });
  });

  it('sees an overlap with an interval that runs past midnight', () => {
    expect(validateDraft(mondayDraft(interval('22:00', '02:00', true), interval('23:00', '00:00')))).toEqual({
      'week.0': 'These hours overlap.',
    });
    expect(validateDraft(mondayDraft(interval('18:00', '00:00'), interval('09:00', '17:00')))).toEqual({});
  });

  it('asks for a date on each override, once, and checks its hours', () => {
    const draft = mondayDraft(interval('09:00', '17:00'));
    draft.overrides = [
      { key: newKey(), date: '', dayOff: true, intervals: [] },
      { key: newKey(), date: '2030-03-01', dayOff: true, intervals: [] },
      { key: newKey(), date: '2030-03-01', dayOff: false, intervals: [interval('10:00', '10:00')] },
    ];
    expect(validateDraft(draft)).toEqual({
      'overrides.0.date': 'Choose a date.',
      'overrides.2.date': 'This date is already listed.',
      'overrides.2.intervals': 'An interval needs different start and end times.',
    });
  });
});

describe('validateDraft with the server’s own rules', () => {
  it('asks for a real date and names the day whose hours overlap', () => {
    const draft = mondayDraft(interval('09:00', '17:00'));
    draft.week[6] = { enabled: true, intervals: [interval('22:00', '02:00', true), interval('23:00', '23:30')] };
    draft.overrides = [{ key: newKey(), date: '2030-02-31', dayOff: true, intervals: [] }];
    expect(validateDraft(draft)).toEqual({
      'week.6': 'These hours overlap.',
      'overrides.0.date': 'Choose a date.',
    });
  });
});

describe('snapshotOf', () => {
  it('is the same for drafts that would save the same hours', () => {
    const a = draftOf(saved);
    const b = draftOf(saved);
    expect(snapshotOf(a)).toBe(snapshotOf(b));
    b.week[0]!.intervals[0]!.end = '12:30';
    expect(snapshotOf(a)).not.toBe(snapshotOf(b));
  });
});

describe('nextOverrideDate', () => {
  const now = Date.parse('2030-02-27T12:00:00Z');

  it('is tomorrow in the host’s zone without overrides', () => {
    expect(nextOverrideDate(mondayDraft(), now)).toBe('2030-02-28');
    // Noon UTC on the 27th is already 02:00 on the 28th at UTC+14.
    expect(nextOverrideDate({ ...mondayDraft(), timeZone: 'Pacific/Kiritimati' }, now)).toBe('2030-03-01');
  });

  it('is the day after the latest listed date, skipping dates already listed', () => {
    const draft = draftOf(saved);
    draft.timeZone = 'UTC';
    expect(nextOverrideDate(draft, now)).toBe('2030-03-03');
    draft.overrides.push({ key: newKey(), date: '2030-03-03', dayOff: true, intervals: [] });
    expect(nextOverrideDate(draft, now)).toBe('2030-03-04');
  });

  it('never suggests a past date', () => {
    const draft = mondayDraft();
    draft.overrides = [{ key: newKey(), date: '2029-12-31', dayOff: true, intervals: [] }];
    expect(nextOverrideDate(draft, now)).toBe('2030-02-28');
    draft.overrides.push({ key: newKey(), date: '2030-02-28', dayOff: true, intervals: [] });
    expect(nextOverrideDate(draft, now)).toBe('2030-03-01');
  });
});
