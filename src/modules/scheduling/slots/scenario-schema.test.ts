import { describe, expect, it } from 'vitest';
import { scenarioSchema } from './index.js';

const apiExample = {
  now: '2026-03-01T00:00:00Z',
  from: '2026-03-02T00:00:00Z',
  to: '2026-03-09T00:00:00Z',
  mode: 'collective',
  durationMinutes: 30,
  slotIntervalMinutes: 30,
  minimumNoticeMinutes: 120,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  hosts: [
    {
      id: 'h1',
      timeZone: 'America/New_York',
      weekly: [{ weekday: 1, start: '09:00', end: '17:00' }],
      overrides: [],
      busy: [{ start: '2026-03-02T15:00:00Z', end: '2026-03-02T16:00:00Z' }],
    },
  ],
};

const issuesOf = (value: unknown) => {
  const result = scenarioSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('scenarioSchema', () => {
  it('accepts the API.md example, and the optional extensions', () => {
    expect(issuesOf(apiExample)).toEqual([]);
    const minimal = { ...apiExample, hosts: [{ id: 'h1', timeZone: 'Asia/Kolkata' }] };
    for (const key of ['slotIntervalMinutes', 'minimumNoticeMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes']) {
      delete (minimal as Record<string, unknown>)[key];
    }
    expect(issuesOf(minimal)).toEqual([]);
    const extended = {
      ...apiExample,
      bookingWindowDays: 60,
      maxBookingsPerDay: 3,
      hosts: [{ ...apiExample.hosts[0], bookedStarts: ['2026-03-02T15:00:00.000Z'] }],
    };
    expect(issuesOf(extended)).toEqual([]);
    expect(issuesOf({ ...apiExample, bookingWindowDays: null, maxBookingsPerDay: null })).toEqual([]);
  });

  it('names each invalid field', () => {
    const host = apiExample.hosts[0]!;
    expect(issuesOf({ ...apiExample, mode: 'round-robin' })).toEqual(['mode']);
    expect(issuesOf({ ...apiExample, durationMinutes: 4 })).toEqual(['durationMinutes']);
    expect(issuesOf({ ...apiExample, from: '2026-03-02' })).toEqual(['from']);
    expect(issuesOf({ ...apiExample, hosts: [] })).toEqual(['hosts']);
    expect(issuesOf({ ...apiExample, hosts: [{ ...host, timeZone: 'Mars/Base' }] })).toEqual(['hosts.0.timeZone']);
    const weekly = (start: string, end: string, weekday = 1) => ({
      ...apiExample,
      hosts: [{ ...host, weekly: [{ weekday, start, end }] }],
    });
    expect(issuesOf(weekly('24:00', '24:00'))).toEqual(['hosts.0.weekly.0.start']);
    expect(issuesOf(weekly('9:00', '17:00'))).toEqual(['hosts.0.weekly.0.start']);
    expect(issuesOf(weekly('09:00', '24:01'))).toEqual(['hosts.0.weekly.0.end']);
    expect(issuesOf(weekly('09:00', '17:00', 0))).toEqual(['hosts.0.weekly.0.weekday']);
    expect(issuesOf(weekly('22:00', '02:00'))).toEqual([]);
    const override = { ...apiExample, hosts: [{ ...host, overrides: [{ date: '2026-02-30', intervals: [] }] }] };
    expect(issuesOf(override)).toEqual(['hosts.0.overrides.0.date']);
  });

  it('bounds the range', () => {
    expect(issuesOf({ ...apiExample, to: apiExample.from })).toEqual(['to']);
    expect(issuesOf({ ...apiExample, to: '2027-03-04T00:00:00Z' })).toEqual(['to']);
    expect(issuesOf({ ...apiExample, from: '1969-12-31T00:00:00Z', to: '1970-01-02T00:00:00Z' })).toEqual(['from']);
  });
});
