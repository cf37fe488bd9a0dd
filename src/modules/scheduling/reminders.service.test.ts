import { describe, expect, it } from 'vitest';
import { remindersFor } from './reminders.service.js';

const booking = { id: 'b1', orgId: 'o1', startAt: new Date('2030-01-07T09:00:00Z') };

describe('reminder times', () => {
  it('schedules one reminder per offset, that long before the start', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(remindersFor({ reminderOffsetsMinutes: [1440, 60] }, booking, now)).toEqual([
      {
        orgId: 'o1',
        bookingId: 'b1',
        offsetMinutes: 1440,
        scheduledFor: new Date('2030-01-06T09:00:00Z'),
        status: 'scheduled',
      },
      {
        orgId: 'o1',
        bookingId: 'b1',
        offsetMinutes: 60,
        scheduledFor: new Date('2030-01-07T08:00:00Z'),
        status: 'scheduled',
      },
    ]);
  });

  it('skips a reminder whose time has come by the time the booking is made', () => {
    const now = new Date('2030-01-07T08:00:00Z');
    const statuses = remindersFor({ reminderOffsetsMinutes: [1440, 60, 15] }, booking, now).map((r) => [
      r.offsetMinutes,
      r.status,
    ]);
    expect(statuses).toEqual([
      [1440, 'skipped'],
      [60, 'skipped'],
      [15, 'scheduled'],
    ]);
  });

  it('makes none for a type without reminders', () => {
    expect(remindersFor({ reminderOffsetsMinutes: [] }, booking, new Date('2030-01-01T00:00:00Z'))).toEqual([]);
  });
});
