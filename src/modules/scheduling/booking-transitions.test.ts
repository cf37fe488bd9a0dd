import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tx } from '../../db/tenant.js';
import { AppError } from '../../lib/errors.js';
import { BookingEffects } from './booking-effects.js';
import {
  applyTransition,
  bookingTransitions,
  checkTransition,
  transitionPatch,
  type BookingStatus,
  type BookingTransition,
  type TransitionRun,
} from './booking-transitions.js';
import type { BookingRow } from './bookings.repo.js';
import type { BookingView } from './schemas.js';

/** What the transitions write through the repo, in order; nothing reaches a database. */
const log: string[] = [];
vi.mock('./bookings.repo.js', () => ({
  bookingsRepo: {
    update: async (_tx: unknown, id: string, patch: object) => void log.push(`update ${id} ${JSON.stringify(patch)}`),
    cancelReminders: async (_tx: unknown, id: string) => void log.push(`stop reminders ${id}`),
    replaceReminders: async (_tx: unknown, rows: { scheduledFor: Date }[], id: string) => {
      log.push(`reminders ${id} ${rows.map((r) => r.scheduledFor.toISOString()).join(' ')}`);
      return [];
    },
  },
}));

const startAt = new Date('2030-01-07T09:00:00Z');
const endAt = new Date('2030-01-07T09:30:00Z');
const asked = new Date('2030-01-06T12:00:00Z');
const booking = (status: BookingStatus, rescheduleRequestedAt: Date | null = null) =>
  ({
    id: 'b1',
    orgId: 'o1',
    hostUserId: 'h1',
    status,
    sequence: 3,
    startAt,
    endAt,
    rescheduleRequestedAt,
  }) as BookingRow;
const statuses: BookingStatus[] = ['pending', 'confirmed', 'cancelled', 'declined'];
const before = new Date('2030-01-07T08:59:00Z');
const after = new Date('2030-01-07T09:01:00Z');

function refusal(transition: BookingTransition, status: BookingStatus, now = after) {
  try {
    checkTransition(transition, booking(status), now);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.statusCode, code: error.code, message: error.message };
  }
}

function run(status: BookingStatus, by: 'host' | 'invitee' = 'host', reason: string | null = null): TransitionRun {
  return {
    tx: {} as Tx,
    fx: new BookingEffects(),
    changes: {
      announce: async (_tx, _fx, id, mail, hook) => {
        log.push(`announce ${id} ${JSON.stringify(mail)} ${hook}`);
        return { bookingView: { uid: 'announced' } as BookingView } as Awaited<
          ReturnType<TransitionRun['changes']['announce']>
        >;
      },
      syncVideo: async (_tx, _fx, id) => void log.push(`sync video ${id}`),
      reopenVideo: async (_tx, _fx, b) => void log.push(`reopen video ${b.id}`),
      recordEvent: async (_tx, b, event) => void log.push(`record ${event} ${b.id}`),
    },
    booking: booking(status),
    by,
    reason,
    now: after,
  };
}

beforeEach(() => {
  log.length = 0;
});

describe('booking transitions: who may go where', () => {
  it('allows each transition only from its statuses', () => {
    const allowed = Object.fromEntries(
      (Object.keys(bookingTransitions) as BookingTransition[]).map((t) => [
        t,
        statuses.filter((s) => refusal(t, s) === undefined),
      ]),
    );
    expect(allowed).toEqual({
      confirm: ['pending'],
      decline: ['pending'],
      cancel: ['pending', 'confirmed'],
      no_show: ['confirmed'],
      reschedule: ['pending', 'confirmed'],
      request_reschedule: ['pending', 'confirmed'],
      rebook: [],
    });
  });

  it('brings back only a booking whose host asked for a new time', () => {
    const check = (b: BookingRow) => () => checkTransition('rebook', b, after);
    expect(check(booking('cancelled', asked))).not.toThrow();
    expect(check(booking('cancelled'))).toThrow(
      'This booking was cancelled. Only a booking whose host asked for a new time can be booked again.',
    );
    expect(check(booking('confirmed', asked))).toThrow('A confirmed booking cannot be booked again.');
  });

  it('moves or asks for a new time only until the meeting is over', () => {
    const over = new Date(endAt.getTime());
    expect(refusal('reschedule', 'confirmed', over)).toEqual({
      status: 409,
      code: 'booking_in_past',
      message: 'This meeting is over and can no longer be rescheduled.',
    });
    expect(refusal('request_reschedule', 'pending', over)?.code).toBe('booking_in_past');
    expect(refusal('reschedule', 'confirmed', after)).toBe(undefined);
  });

  it('answers 409 invalid_transition naming the status and the change', () => {
    expect(refusal('confirm', 'confirmed')).toEqual({
      status: 409,
      code: 'invalid_transition',
      message: 'A confirmed booking cannot be confirmed.',
    });
    expect(refusal('decline', 'cancelled')?.message).toBe('A cancelled booking cannot be declined.');
    expect(refusal('cancel', 'declined')?.message).toBe('A declined booking cannot be cancelled.');
    expect(refusal('no_show', 'pending')?.message).toBe('A pending booking cannot be marked as a no-show.');
  });

  it('takes a no-show only once the meeting has started', () => {
    expect(refusal('no_show', 'confirmed', before)).toEqual({
      status: 409,
      code: 'meeting_not_started',
      message: 'You can mark a no-show once the meeting has started.',
    });
    expect(refusal('no_show', 'confirmed', startAt)).toBe(undefined);
    expect(refusal('cancel', 'confirmed', before)).toBe(undefined);
  });
});

describe('booking transitions: what they write', () => {
  it('bumps the sequence with every new status, and keeps who ended a booking and why', () => {
    expect(transitionPatch('confirm', run('pending'))).toEqual({ status: 'confirmed', sequence: 4 });
    expect(transitionPatch('decline', run('pending', 'host', 'Away'))).toEqual({
      status: 'declined',
      sequence: 4,
      cancelledBy: 'host',
      cancelReason: 'Away',
    });
    expect(transitionPatch('cancel', run('confirmed', 'invitee'))).toEqual({
      status: 'cancelled',
      sequence: 4,
      cancelledBy: 'invitee',
      cancelReason: null,
    });
  });

  it('moves the time as a new revision, keeping the status unless brought back', () => {
    const start = new Date('2030-01-08T10:00:00Z');
    const end = new Date('2030-01-08T10:30:00Z');
    const type = { reminderOffsetsMinutes: [60], requiresConfirmation: true };
    expect(transitionPatch('reschedule', { ...run('confirmed'), move: { start, end, type } })).toEqual({
      startAt: start,
      endAt: end,
      sequence: 4,
    });
    expect(transitionPatch('request_reschedule', run('confirmed', 'host', 'Ill'))).toEqual({
      status: 'cancelled',
      sequence: 4,
      cancelledBy: 'host',
      cancelReason: 'Ill',
      rescheduleRequestedAt: after,
    });
    const back = { ...run('cancelled'), booking: booking('cancelled', asked), move: { start, end, type } };
    expect(transitionPatch('rebook', back)).toEqual({
      status: 'pending',
      startAt: start,
      endAt: end,
      sequence: 4,
      rescheduleRequestedAt: null,
      cancelledBy: null,
      cancelReason: null,
    });
  });

  it('marks a no-show without a new status or sequence', () => {
    expect(transitionPatch('no_show', run('confirmed'))).toEqual({ noShow: true });
  });
});

describe('booking transitions: what they set off', () => {
  it('confirms and announces', async () => {
    await applyTransition('confirm', run('pending'));
    expect(log).toEqual([
      'update b1 {"status":"confirmed","sequence":4}',
      'announce b1 {"kind":"confirmed"} booking.confirmed',
    ]);
  });

  it('declines: stops reminders, removes the video meeting, announces, frees the time', async () => {
    const r = run('pending', 'host', 'Away');
    await applyTransition('decline', r);
    expect(log).toEqual([
      'update b1 {"status":"declined","sequence":4,"cancelledBy":"host","cancelReason":"Away"}',
      'stop reminders b1',
      'sync video b1',
      'announce b1 {"kind":"declined","reason":"Away"} booking.declined',
    ]);
    expect(r.fx.slotChanges).toEqual([
      ['h1', { reason: 'freed', start: startAt.toISOString(), end: endAt.toISOString() }],
    ]);
  });

  it('cancels like a decline, counted in the analytics, and answers the announced booking', async () => {
    const r = run('confirmed', 'invitee', 'Ill');
    expect(await applyTransition('cancel', r)).toEqual({ uid: 'announced' });
    expect(log).toEqual([
      'update b1 {"status":"cancelled","sequence":4,"cancelledBy":"invitee","cancelReason":"Ill"}',
      'stop reminders b1',
      'sync video b1',
      'record booking_cancelled b1',
      'announce b1 {"kind":"cancelled","by":"invitee","reason":"Ill"} booking.cancelled',
    ]);
    expect(r.fx.slotChanges).toHaveLength(1);
  });

  it('marks a no-show and counts it, telling no one', async () => {
    const r = run('confirmed');
    expect(await applyTransition('no_show', r)).toBe(undefined);
    expect(log).toEqual(['update b1 {"noShow":true}', 'record no_show b1']);
    expect(r.fx.slotChanges).toEqual([]);
  });

  it('reschedules: new reminders, the video meeting moved, counted, announced, old time freed and new taken', async () => {
    const start = new Date('2030-01-08T10:00:00Z');
    const end = new Date('2030-01-08T10:30:00Z');
    const r: TransitionRun = {
      ...run('confirmed', 'host', 'Clash'),
      move: { start, end, type: { reminderOffsetsMinutes: [60], requiresConfirmation: false } },
    };
    await applyTransition('reschedule', r);
    expect(log).toEqual([
      `update b1 {"startAt":"${start.toISOString()}","endAt":"${end.toISOString()}","sequence":4}`,
      'reminders b1 2030-01-08T09:00:00.000Z',
      'sync video b1',
      'record booking_rescheduled b1',
      `announce b1 {"kind":"rescheduled","previousStart":"${startAt.toISOString()}","by":"host","reason":"Clash","afterRequest":false} booking.rescheduled`,
    ]);
    expect(r.fx.slotChanges).toEqual([
      ['h1', { reason: 'freed', start: startAt.toISOString(), end: endAt.toISOString() }],
      ['h1', { reason: 'booked', start: start.toISOString(), end: end.toISOString() }],
    ]);
  });

  it('asks for a new time: ends the booking like a cancellation, announced as one, not counted', async () => {
    const r = run('confirmed', 'host', 'Ill');
    await applyTransition('request_reschedule', r);
    expect(log.slice(1)).toEqual([
      'stop reminders b1',
      'sync video b1',
      'announce b1 {"kind":"reschedule_requested","reason":"Ill"} booking.cancelled',
    ]);
    expect(r.fx.slotChanges).toEqual([
      ['h1', { reason: 'freed', start: startAt.toISOString(), end: endAt.toISOString() }],
    ]);
  });

  it('brings the booking back at the picked time, its video meeting with it, counted as a reschedule', async () => {
    const start = new Date('2030-01-08T10:00:00Z');
    const end = new Date('2030-01-08T10:30:00Z');
    const r: TransitionRun = {
      ...run('cancelled', 'invitee'),
      booking: booking('cancelled', asked),
      move: { start, end, type: { reminderOffsetsMinutes: [], requiresConfirmation: false } },
    };
    await applyTransition('rebook', r);
    expect(log.slice(1)).toEqual([
      'reminders b1 ',
      'reopen video b1',
      'record booking_rescheduled b1',
      `announce b1 {"kind":"rescheduled","previousStart":"${startAt.toISOString()}","by":"invitee","reason":null,"afterRequest":true} booking.rescheduled`,
    ]);
    expect(log[0]).toContain('"status":"confirmed"');
    expect(r.fx.slotChanges).toEqual([
      ['h1', { reason: 'booked', start: start.toISOString(), end: end.toISOString() }],
    ]);
  });

  it('writes nothing when refused', async () => {
    await expect(applyTransition('confirm', run('cancelled'))).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(log).toEqual([]);
  });
});
