import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { isExclusionViolation, uniqueViolation } from '../../db/errors.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import { conflict, invalid, notFound, unauthorized } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import { jitsiRoomUrl } from '../video/jitsi.js';
import { bookingsRepo, type BookingListFilter, type BookingRow } from './bookings.repo.js';
import type { ManageTokens } from './manage-token.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { judgeStart, type Host } from './offered-slots.js';
import type { BookInput, BookingView } from './schemas.js';

const MINUTE = 60_000;

export type SlotChange = { reason: 'booked' | 'freed' | 'changed'; start?: string; end?: string };

export type BookingsDeps = {
  db: Database;
  tokens: ManageTokens;
  publicUrl: string;
  jitsiBaseUrl: string;
  findHost: (username: string) => Promise<Host | undefined>;
  findHostById: (userId: string) => Promise<Host | undefined>;
  onSlotsChanged: (hostUserId: string, change: SlotChange) => void;
  clock?: () => Date;
};

const slotUnavailable = () => conflict('slot_unavailable', 'This time was just taken. Please pick another time.');
const bookingNotFound = () => notFound('The booking');

/** The same request body always hashes the same, whatever order its keys came in. */
function fingerprint(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

function checkAnswers(type: MeetingTypeRow, answers: Record<string, string | boolean>) {
  const fields: Record<string, string> = {};
  const known = new Set(type.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) fields[`answers.${id}`] = 'This question is not asked.';
  for (const q of type.questions) {
    const a = answers[q.id];
    const empty = a === undefined || a === '' || a === false;
    if (q.required && empty) fields[`answers.${q.id}`] = `“${q.label}” is required.`;
    else if (!empty && q.type === 'checkbox' && typeof a !== 'boolean')
      fields[`answers.${q.id}`] = 'Answer with true or false.';
    else if (!empty && q.type !== 'checkbox' && typeof a !== 'string') fields[`answers.${q.id}`] = 'Answer with text.';
    else if (!empty && q.type === 'select' && !q.options?.includes(a as string))
      fields[`answers.${q.id}`] = 'Pick one of the options.';
    else if (!empty && q.type === 'phone' && !/^\+?[0-9 ().-]{5,30}$/.test(a as string))
      fields[`answers.${q.id}`] = 'Enter a phone number.';
  }
  if (Object.keys(fields).length) throw invalid(fields, 'Some answers are missing or invalid.');
}

function remindersFor(type: MeetingTypeRow, booking: Pick<BookingRow, 'id' | 'orgId' | 'startAt'>, now: Date) {
  return type.reminderOffsetsMinutes.map((offsetMinutes) => {
    const scheduledFor = new Date(booking.startAt.getTime() - offsetMinutes * MINUTE);
    return {
      orgId: booking.orgId,
      bookingId: booking.id,
      offsetMinutes,
      scheduledFor,
      status: scheduledFor <= now ? ('skipped' as const) : ('scheduled' as const),
    };
  });
}

export function createBookingsService(deps: BookingsDeps) {
  const { db, tokens } = deps;
  const clock = deps.clock ?? (() => new Date());

  function links(uid: string) {
    const token = tokens.issue(uid);
    const manage = `${deps.publicUrl}/booking/${uid}?token=${token}`;
    return {
      manage,
      cancel: `${manage}&action=cancel`,
      reschedule: `${manage}&action=reschedule`,
      ics: `${deps.publicUrl}/api/meetings/bookings/${uid}/ics?token=${token}`,
    };
  }

  async function view(tx: Tx, uid: string, withLinks: boolean): Promise<BookingView> {
    const row = await bookingsRepo.findWithContext(tx, uid);
    if (!row) throw bookingNotFound();
    const { booking: b, type, host } = row;
    const reminders = await bookingsRepo.reminders(tx, b.id);
    return {
      uid: b.uid,
      status: b.status,
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      timeZone: b.timeZone,
      eventType: type,
      host,
      invitee: { name: b.inviteeName, email: b.inviteeEmail },
      location: b.location,
      answers: b.answers,
      notes: b.notes,
      cancelReason: b.cancelReason,
      noShow: b.noShow,
      reminders: reminders.map((r) => ({
        offsetMinutes: r.offsetMinutes,
        scheduledFor: r.scheduledFor.toISOString(),
        status: r.status,
      })),
      ...(withLinks ? { links: links(b.uid) } : {}),
    };
  }

  /**
   * Runs fn in the booking's tenant after checking the invitee's token; unknown uid and bad token look alike.
   * The host is looked up before the transaction opens: PGlite has one connection, so a query outside the
   * transaction while it is open would wait forever.
   */
  async function asInvitee<T>(
    uid: string,
    token: string,
    fn: (
      tx: Tx,
      booking: NonNullable<Awaited<ReturnType<typeof bookingsRepo.findWithContext>>>,
      host: Host,
    ) => Promise<T>,
  ) {
    const owner = await bookingsRepo.findOwner(db, uid);
    if (!owner || !tokens.verify(uid, token)) throw bookingNotFound();
    const host = await deps.findHostById(owner.hostUserId);
    if (!host) throw bookingNotFound();
    return withTenant(db, { orgId: owner.orgId }, async (tx) => {
      const row = await bookingsRepo.findWithContext(tx, uid);
      if (!row) throw bookingNotFound();
      return fn(tx, row, host);
    });
  }

  return {
    async book(
      input: BookInput,
      idempotencyKey: string | undefined,
    ): Promise<{ booking: BookingView; replayed: boolean }> {
      const host = await deps.findHost(input.user);
      if (!host) throw notFound('The booking page');
      const start = new Date(input.start);
      const print = fingerprint(input);
      const now = clock();
      let created: BookingRow | undefined;
      let booking: BookingView;
      let replayed = false;
      try {
        booking = await withTenant(db, { orgId: host.orgId }, async (tx) => {
          const type = await meetingTypesRepo.findBySlug(tx, host.id, input.type);
          if (!type || !type.isActive) throw notFound('The booking page');
          checkAnswers(type, input.answers);
          await bookingsRepo.lockHost(tx, host.id);
          if (idempotencyKey) {
            const previous = await bookingsRepo.findByIdempotencyKey(tx, type.id, idempotencyKey);
            if (previous && previous.fingerprint !== print) {
              throw conflict('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
            }
            if (previous) {
              replayed = true;
              return view(tx, previous.uid, true);
            }
          }
          const verdict = await judgeStart(tx, { host, type, start, now });
          if (verdict === 'not_offered') {
            throw invalid(
              { start: 'This time is not offered. Pick one of the available times.' },
              'This time is not offered.',
            );
          }
          if (verdict === 'taken') throw slotUnavailable();
          const location =
            type.location.type === 'jitsi'
              ? { type: 'jitsi' as const, url: jitsiRoomUrl(deps.jitsiBaseUrl) }
              : type.location;
          created = await bookingsRepo.insert(tx, {
            orgId: host.orgId,
            meetingTypeId: type.id,
            hostUserId: host.id,
            status: type.requiresConfirmation ? 'pending' : 'confirmed',
            startAt: start,
            endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
            timeZone: input.timeZone,
            inviteeName: input.invitee.name,
            inviteeEmail: input.invitee.email,
            answers: input.answers,
            notes: input.notes ?? null,
            location,
            idempotencyKey: idempotencyKey ?? null,
            idempotencyFingerprint: idempotencyKey ? print : null,
          });
          await bookingsRepo.replaceReminders(tx, remindersFor(type, created, now), created.id);
          await bookingsRepo.recordEvent(tx, {
            orgId: host.orgId,
            meetingTypeId: type.id,
            bookingId: created.id,
            event: 'booking_created',
          });
          return view(tx, created.uid, true);
        });
      } catch (error) {
        // The database is the final word: another node may have won the race between our check and insert.
        if (isExclusionViolation(error, 'meeting_bookings_no_overlap')) throw slotUnavailable();
        if (uniqueViolation(error) === 'meeting_bookings_idempotency_key') return this.book(input, idempotencyKey);
        throw error;
      }
      if (created) deps.onSlotsChanged(host.id, { reason: 'booked', start: booking.start, end: booking.end });
      return { booking, replayed };
    },

    async getForInvitee(uid: string, token: string) {
      return asInvitee(uid, token, (tx) => view(tx, uid, false));
    },

    async getForHost(principal: Principal, uid: string) {
      return withTenant(db, principal, async (tx) => {
        const row = await bookingsRepo.findWithContext(tx, uid);
        if (!row || row.booking.hostUserId !== principal.userId) throw bookingNotFound();
        return view(tx, uid, true);
      });
    },

    async list(principal: Principal, q: { status?: string; from?: string; to?: string }) {
      const now = clock();
      const filter: BookingListFilter = {
        hostUserId: principal.userId,
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
      };
      if (q.status === 'upcoming') Object.assign(filter, { statuses: ['pending', 'confirmed'], endAfter: now });
      else if (q.status === 'past')
        Object.assign(filter, { statuses: ['confirmed'], endBefore: now, newestFirst: true });
      else if (q.status) Object.assign(filter, { statuses: [q.status] });
      return withTenant(db, principal, async (tx) => {
        const rows = await bookingsRepo.list(tx, filter);
        return Promise.all(rows.map((r) => view(tx, r.booking.uid, true)));
      });
    },

    async hostAction(
      principal: Principal,
      uid: string,
      action: 'confirm' | 'decline' | 'cancel' | 'no_show',
      reason?: string,
    ) {
      const now = clock();
      let freed: BookingRow | undefined;
      const booking = await withTenant(db, principal, async (tx) => {
        const row = await bookingsRepo.findWithContext(tx, uid);
        if (!row || row.booking.hostUserId !== principal.userId) throw bookingNotFound();
        const b = row.booking;
        const wrongState = (what: string) => conflict('invalid_transition', `A ${b.status} booking cannot be ${what}.`);
        if (action === 'confirm') {
          if (b.status !== 'pending') throw wrongState('confirmed');
          await bookingsRepo.update(tx, b.id, { status: 'confirmed', sequence: b.sequence + 1 });
        } else if (action === 'decline') {
          if (b.status !== 'pending') throw wrongState('declined');
          freed = await bookingsRepo.update(tx, b.id, {
            status: 'declined',
            cancelReason: reason ?? null,
            cancelledBy: 'host',
            sequence: b.sequence + 1,
          });
          await bookingsRepo.cancelReminders(tx, b.id);
        } else if (action === 'cancel') {
          if (b.status !== 'pending' && b.status !== 'confirmed') throw wrongState('cancelled');
          freed = await bookingsRepo.update(tx, b.id, {
            status: 'cancelled',
            cancelReason: reason ?? null,
            cancelledBy: 'host',
            sequence: b.sequence + 1,
          });
          await bookingsRepo.cancelReminders(tx, b.id);
          await bookingsRepo.recordEvent(tx, {
            orgId: b.orgId,
            meetingTypeId: b.meetingTypeId,
            bookingId: b.id,
            event: 'booking_cancelled',
          });
        } else {
          if (b.status !== 'confirmed') throw wrongState('marked as a no-show');
          if (b.startAt > now)
            throw conflict('meeting_not_started', 'You can mark a no-show once the meeting has started.');
          await bookingsRepo.update(tx, b.id, { noShow: true });
          await bookingsRepo.recordEvent(tx, {
            orgId: b.orgId,
            meetingTypeId: b.meetingTypeId,
            bookingId: b.id,
            event: 'no_show',
          });
        }
        return view(tx, uid, true);
      });
      if (freed) deps.onSlotsChanged(principal.userId, { reason: 'freed', start: booking.start, end: booking.end });
      return booking;
    },

    async inviteeCancel(uid: string, token: string, reason?: string) {
      const now = clock();
      const booking = await asInvitee(uid, token, async (tx, { booking: b }) => {
        if (b.status !== 'pending' && b.status !== 'confirmed')
          throw conflict('booking_not_active', 'This booking is already cancelled or declined.');
        if (b.endAt <= now) throw conflict('booking_in_past', 'This meeting is over and can no longer be cancelled.');
        await bookingsRepo.update(tx, b.id, {
          status: 'cancelled',
          cancelReason: reason ?? null,
          cancelledBy: 'invitee',
          sequence: b.sequence + 1,
        });
        await bookingsRepo.cancelReminders(tx, b.id);
        await bookingsRepo.recordEvent(tx, {
          orgId: b.orgId,
          meetingTypeId: b.meetingTypeId,
          bookingId: b.id,
          event: 'booking_cancelled',
        });
        return { view: await view(tx, uid, false), hostUserId: b.hostUserId };
      });
      deps.onSlotsChanged(booking.hostUserId, { reason: 'freed', start: booking.view.start, end: booking.view.end });
      return booking.view;
    },

    /** Moves the booking in one UPDATE: the old time is freed and the new one taken atomically, same uid. */
    async inviteeReschedule(uid: string, token: string, newStart: string) {
      const now = clock();
      const start = new Date(newStart);
      let previous: { start: string; end: string } | undefined;
      let hostUserId = '';
      let result: BookingView;
      try {
        result = await asInvitee(uid, token, async (tx, { booking: b }, host) => {
          if (b.status !== 'pending' && b.status !== 'confirmed')
            throw conflict('booking_not_active', 'This booking is cancelled or declined.');
          if (b.endAt <= now)
            throw conflict('booking_in_past', 'This meeting is over and can no longer be rescheduled.');
          const type = await meetingTypesRepo.find(tx, b.hostUserId, b.meetingTypeId);
          if (!type) throw bookingNotFound();
          await bookingsRepo.lockHost(tx, b.hostUserId);
          const verdict = await judgeStart(tx, { host, type, start, now, excludeBookingId: b.id });
          if (verdict === 'not_offered')
            throw invalid(
              { start: 'This time is not offered. Pick one of the available times.' },
              'This time is not offered.',
            );
          if (verdict === 'taken') throw slotUnavailable();
          previous = { start: b.startAt.toISOString(), end: b.endAt.toISOString() };
          hostUserId = b.hostUserId;
          const moved = await bookingsRepo.update(tx, b.id, {
            startAt: start,
            endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
            sequence: b.sequence + 1,
          });
          await bookingsRepo.replaceReminders(tx, remindersFor(type, moved, now), b.id);
          await bookingsRepo.recordEvent(tx, {
            orgId: b.orgId,
            meetingTypeId: b.meetingTypeId,
            bookingId: b.id,
            event: 'booking_rescheduled',
          });
          return view(tx, uid, false);
        });
      } catch (error) {
        if (isExclusionViolation(error, 'meeting_bookings_no_overlap')) throw slotUnavailable();
        throw error;
      }
      deps.onSlotsChanged(hostUserId, { reason: 'freed', ...previous });
      deps.onSlotsChanged(hostUserId, { reason: 'booked', start: result.start, end: result.end });
      return result;
    },

    /** Who may see a booking: its host (session or API key) or the invitee with the token. */
    async getForCaller(principal: Principal | undefined, uid: string, token: string | undefined) {
      if (token) return this.getForInvitee(uid, token);
      if (!principal) throw unauthorized('unauthenticated', 'Log in, or open the link from your confirmation e-mail.');
      return this.getForHost(principal, uid);
    },
  };
}
export type BookingsService = ReturnType<typeof createBookingsService>;
