import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { isExclusionViolation, uniqueViolation } from '../../db/errors.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import { conflict, invalid, notFound, unauthorized } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import type { Notifications } from '../notifications/service.js';
import type { BookingMail, BookingMailEvent } from '../notifications/types.js';
import type { VideoLinks } from '../video/links.service.js';
import type { Webhooks } from '../webhooks/service.js';
import { BookingEffects, type SlotChange, type WebhookEvent } from './booking-effects.js';
import {
  bookingsRepo,
  type BookingListFilter,
  type BookingRow,
  type BookingWithContext,
  type ReminderRow,
} from './bookings.repo.js';
import type { ManageTokens } from './manage-token.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { judgeStart, type Host } from './offered-slots.js';
import type { BookInput, BookingView } from './schemas.js';

const MINUTE = 60_000;
export const REMINDER_JOB = 'reminder.send';
const REMINDER_SWEEP_JOB = 'reminder.sweep';

export type BookingsDeps = {
  db: Database;
  queue: JobQueue;
  notifications: Notifications;
  webhooks: Webhooks;
  tokens: ManageTokens;
  publicUrl: string;
  video: Pick<VideoLinks, 'locationFor' | 'record' | 'requestSync' | 'kick'>;
  findHost: (username: string) => Promise<Host | undefined>;
  findHostById: (userId: string) => Promise<Host | undefined>;
  onSlotsChanged: (hostUserId: string, change: SlotChange) => void;
  clock?: () => Date;
  /** Longest wait for the host's booking lock before the request answers 503 busy. */
  lockTimeoutMs: number;
};

const slotUnavailable = () => conflict('slot_unavailable', 'This time was just taken. Please pick another time.');
const notOffered = () =>
  invalid({ start: 'This time is not offered. Pick one of the available times.' }, 'This time is not offered.');
const bookingNotFound = () => notFound('The booking');
const isLive = (b: BookingRow) => b.status === 'pending' || b.status === 'confirmed';

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

/** Own properties only: a question id such as "constructor" must not read Object.prototype. */
const answerTo = (answers: Record<string, string | boolean>, id: string) =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

function checkAnswers(type: MeetingTypeRow, answers: Record<string, string | boolean>) {
  const fields: Record<string, string> = {};
  const known = new Set(type.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) fields[`answers.${id}`] = 'This question is not asked.';
  for (const q of type.questions) {
    const a = answerTo(answers, q.id);
    const field = `answers.${q.id}`;
    if (a === undefined || a === '' || a === false) {
      if (q.required) fields[field] = `“${q.label}” is required.`;
    } else if (q.type === 'checkbox' ? typeof a !== 'boolean' : typeof a !== 'string') {
      fields[field] = q.type === 'checkbox' ? 'Answer with true or false.' : 'Answer with text.';
    } else if (q.type === 'select' && !q.options?.includes(a as string)) {
      fields[field] = 'Pick one of the options.';
    } else if (q.type === 'phone' && !/^\+?[0-9 ().-]{5,30}$/.test(a as string)) {
      fields[field] = 'Enter a phone number.';
    }
  }
  if (Object.keys(fields).length) throw invalid(fields, 'Some answers are missing or invalid.');
}

/** Webhook receivers get each question's wording beside its id, so they need not look the type up. */
const questionsWithAnswers = ({ booking, type }: BookingWithContext) =>
  type.questions.map((q) => ({
    id: q.id,
    label: q.label,
    type: q.type,
    answer: answerTo(booking.answers, q.id) ?? null,
  }));

function remindersFor(type: MeetingTypeRow, booking: Pick<BookingRow, 'id' | 'orgId' | 'startAt'>, now: Date) {
  return type.reminderOffsetsMinutes.map((offsetMinutes) => {
    const scheduledFor = new Date(booking.startAt.getTime() - offsetMinutes * MINUTE);
    const status = scheduledFor <= now ? ('skipped' as const) : ('scheduled' as const);
    return { orgId: booking.orgId, bookingId: booking.id, offsetMinutes, scheduledFor, status };
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

  async function load(tx: Tx, by: { uid: string } | { id: string }): Promise<BookingWithContext> {
    const row = await bookingsRepo.findWithContext(tx, by);
    if (!row) throw bookingNotFound();
    return row;
  }

  /** Views of many bookings share one reminders query, however many bookings there are. */
  async function views(tx: Tx, rows: BookingWithContext[], withLinks: boolean): Promise<BookingView[]> {
    const ids = rows.map((r) => r.booking.id);
    const reminders = await bookingsRepo.remindersOf(tx, ids);
    return rows.map((row) => viewOf(row, reminders.get(row.booking.id) ?? [], withLinks));
  }

  const view = async (tx: Tx, row: BookingWithContext, withLinks: boolean) => (await views(tx, [row], withLinks))[0]!;

  function viewOf(row: BookingWithContext, reminders: ReminderRow[], withLinks: boolean): BookingView {
    const { booking: b, type, host } = row;
    return {
      uid: b.uid,
      status: b.status,
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      timeZone: b.timeZone,
      eventType: { id: type.id, title: type.title, slug: type.slug },
      host: { name: host.name, username: host.username },
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
      ...(withLinks ? { links: links(b.uid), video: row.video } : {}),
    };
  }

  function mailOf({ booking: b, type, host }: BookingWithContext): BookingMail {
    return {
      uid: b.uid,
      sequence: b.sequence,
      status: b.status,
      title: type.title,
      start: b.startAt,
      end: b.endAt,
      // Hosts have no clock preference yet: their e-mails use the 24-hour clock.
      host: { name: host.name, email: host.email, timeZone: host.timeZone, hourCycle: 'h23' },
      invitee: { name: b.inviteeName, email: b.inviteeEmail, timeZone: b.timeZone, hourCycle: b.hourCycle ?? 'h23' },
      location: b.location,
      questions: type.questions,
      answers: b.answers,
      notes: b.notes,
      links: links(b.uid),
      dashboardUrl: `${deps.publicUrl}/dashboard/bookings`,
      settingsUrl: `${deps.publicUrl}/dashboard/settings#connected-apps`,
    };
  }

  /** Re-reads the booking after a change and records its e-mails and webhooks in the same transaction. */
  async function announce(
    tx: Tx,
    fx: BookingEffects,
    id: string,
    mail: BookingMailEvent,
    hook: WebhookEvent | undefined,
  ) {
    const row = await load(tx, { id });
    await deps.notifications.queueBookingMail(tx, { orgId: row.booking.orgId, bookingId: id }, mail, mailOf(row));
    fx.mail = true;
    const bookingView = await view(tx, row, false);
    if (hook)
      fx.webhooks =
        (await deps.webhooks.queueEvent(tx, row.booking.orgId, row.booking.hostUserId, hook, {
          booking: { ...bookingView, questions: questionsWithAnswers(row) },
        })) || fx.webhooks;
    return { row, bookingView };
  }

  function afterCommit(fx: BookingEffects) {
    for (const [host, change] of fx.slotChanges) deps.onSlotsChanged(host, change);
    for (const r of fx.reminders) {
      deps.queue.send(REMINDER_JOB, { reminderId: r.id }, { startAfter: r.scheduledFor }).catch(() => {});
    }
    if (fx.mail) deps.notifications.kick();
    if (fx.video) deps.video.kick();
    if (fx.webhooks) deps.webhooks.kick();
  }

  async function scheduleReminders(tx: Tx, fx: BookingEffects, type: MeetingTypeRow, booking: BookingRow, now: Date) {
    const rows = await bookingsRepo.replaceReminders(tx, remindersFor(type, booking, now), booking.id);
    fx.reminders.push(...rows.filter((r) => r.status === 'scheduled'));
  }

  const recordEvent = (
    tx: Tx,
    b: BookingRow,
    event: 'booking_created' | 'booking_cancelled' | 'booking_rescheduled' | 'no_show',
  ) => bookingsRepo.recordEvent(tx, { orgId: b.orgId, meetingTypeId: b.meetingTypeId, bookingId: b.id, event });

  async function syncVideo(tx: Tx, fx: BookingEffects, bookingId: string) {
    await deps.video.requestSync(tx, bookingId);
    fx.video = true;
  }

  /** Cancelling frees the time, stops the reminders and tells both people, whoever cancels. */
  async function cancelBooking(
    tx: Tx,
    fx: BookingEffects,
    b: BookingRow,
    by: 'host' | 'invitee',
    reason: string | undefined,
  ) {
    await bookingsRepo.update(tx, b.id, {
      status: 'cancelled',
      cancelReason: reason ?? null,
      cancelledBy: by,
      sequence: b.sequence + 1,
    });
    await bookingsRepo.cancelReminders(tx, b.id);
    await syncVideo(tx, fx, b.id);
    await recordEvent(tx, b, 'booking_cancelled');
    const announced = await announce(
      tx,
      fx,
      b.id,
      { kind: 'cancelled', by, reason: reason ?? null },
      'booking.cancelled',
    );
    fx.freed(b.hostUserId, announced.bookingView);
    return announced.bookingView;
  }

  /**
   * Runs fn in the booking's tenant after checking the invitee's token; unknown uid and bad token look alike.
   * The host is looked up before the transaction opens: PGlite has one connection, so a query outside the
   * transaction while it is open would wait forever.
   */
  async function asInvitee<T>(
    uid: string,
    token: string,
    fn: (tx: Tx, row: BookingWithContext, host: Host) => Promise<T>,
  ) {
    const owner = await bookingsRepo.findOwner(db, uid);
    if (!owner || !tokens.verify(uid, token)) throw bookingNotFound();
    const host = await deps.findHostById(owner.hostUserId);
    if (!host) throw bookingNotFound();
    return withTenant(db, { orgId: owner.orgId }, async (tx) => fn(tx, await load(tx, { uid }), host));
  }

  /** A booking change in a transaction, mapping the database's last word on overlaps to 409. */
  async function change<T>(fx: BookingEffects, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      afterCommit(fx);
      return result;
    } catch (error) {
      if (isExclusionViolation(error, 'meeting_bookings_no_overlap')) throw slotUnavailable();
      throw error;
    }
  }

  async function sendReminder(reminderId: string): Promise<boolean> {
    const orgId = await bookingsRepo.findReminderOrg(db, reminderId);
    if (!orgId) return false;
    const fx = new BookingEffects();
    const sent = await withTenant(db, { orgId }, async (tx) => {
      const claimed = await bookingsRepo.claimReminder(tx, reminderId);
      if (!claimed) return false;
      const row = await load(tx, { id: claimed.bookingId });
      if (row.booking.status !== 'confirmed') {
        await bookingsRepo.skipReminder(tx, reminderId);
        return false;
      }
      await announce(
        tx,
        fx,
        row.booking.id,
        { kind: 'reminder', offsetMinutes: claimed.offsetMinutes },
        'reminder.sent',
      );
      return true;
    });
    afterCommit(fx);
    return sent;
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
      const fx = new BookingEffects();
      try {
        return await change(fx, () =>
          withTenant(db, { orgId: host.orgId }, async (tx) => {
            // Locked before the type is read, so a deletion (which takes the same lock) is either seen or waits.
            await bookingsRepo.lockHost(tx, host.id, deps.lockTimeoutMs);
            const type = await meetingTypesRepo.findBySlug(tx, host.id, input.type);
            if (!type || !type.isActive) throw notFound('The booking page');
            checkAnswers(type, input.answers);
            if (idempotencyKey) {
              const previous = await bookingsRepo.findByIdempotencyKey(tx, type.id, idempotencyKey);
              if (previous && previous.fingerprint !== print) {
                throw conflict('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
              }
              if (previous)
                return { booking: await view(tx, await load(tx, { uid: previous.uid }), true), replayed: true };
            }
            const verdict = await judgeStart(tx, { host, type, start, now });
            if (verdict === 'not_offered') throw notOffered();
            if (verdict === 'taken') throw slotUnavailable();
            const location = deps.video.locationFor(type.location);
            const created = await bookingsRepo.insert(tx, {
              orgId: host.orgId,
              meetingTypeId: type.id,
              hostUserId: host.id,
              status: type.requiresConfirmation ? 'pending' : 'confirmed',
              startAt: start,
              endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
              timeZone: input.timeZone,
              inviteeName: input.invitee.name,
              inviteeEmail: input.invitee.email,
              hourCycle: input.hourCycle ?? null,
              answers: input.answers,
              notes: input.notes ?? null,
              location,
              idempotencyKey: idempotencyKey ?? null,
              idempotencyFingerprint: idempotencyKey ? print : null,
            });
            await scheduleReminders(tx, fx, type, created, now);
            fx.video = await deps.video.record(tx, created);
            await recordEvent(tx, created, 'booking_created');
            const { row } = await announce(tx, fx, created.id, { kind: 'booked' }, 'booking.created');
            const booking = await view(tx, row, true);
            fx.booked(host.id, booking);
            return { booking, replayed: false };
          }),
        );
      } catch (error) {
        // Two retries with one key raced past the lookup: the loser's insert hit the unique key, so replay.
        if (uniqueViolation(error) === 'meeting_bookings_idempotency_key') return this.book(input, idempotencyKey);
        throw error;
      }
    },

    getForInvitee: (uid: string, token: string) => asInvitee(uid, token, (tx, row) => view(tx, row, false)),

    async getForHost(principal: Principal, uid: string) {
      return withTenant(db, principal, async (tx) => {
        const row = await bookingsRepo.findWithContext(tx, { uid });
        if (!row || row.booking.hostUserId !== principal.userId) throw bookingNotFound();
        return view(tx, row, true);
      });
    },

    /** Who may see a booking: its host (session or API key) or the invitee with the token. */
    async getForCaller(principal: Principal | undefined, uid: string, token: string | undefined) {
      if (token) return this.getForInvitee(uid, token);
      if (!principal) throw unauthorized('unauthenticated', 'Log in, or open the link from your confirmation e-mail.');
      return this.getForHost(principal, uid);
    },

    /** The booking as a calendar file to add (PUBLISH); once cancelled, the same event marked CANCELLED. */
    icsForInvitee: (uid: string, token: string) =>
      asInvitee(uid, token, async (_tx, row) =>
        deps.notifications.invite(mailOf(row), 'PUBLISH', new URL(deps.publicUrl).hostname),
      ),

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
      return withTenant(db, principal, async (tx) => views(tx, await bookingsRepo.list(tx, filter), true));
    },

    async hostAction(
      principal: Principal,
      uid: string,
      action: 'confirm' | 'decline' | 'cancel' | 'no_show',
      reason?: string,
    ) {
      const now = clock();
      const fx = new BookingEffects();
      return change(fx, () =>
        withTenant(db, principal, async (tx) => {
          const row = await bookingsRepo.findWithContext(tx, { uid });
          if (!row || row.booking.hostUserId !== principal.userId) throw bookingNotFound();
          const b = row.booking;
          const wrongState = (what: string) =>
            conflict('invalid_transition', `A ${b.status} booking cannot be ${what}.`);
          if (action === 'confirm') {
            if (b.status !== 'pending') throw wrongState('confirmed');
            await bookingsRepo.update(tx, b.id, { status: 'confirmed', sequence: b.sequence + 1 });
            await announce(tx, fx, b.id, { kind: 'confirmed' }, 'booking.confirmed');
          } else if (action === 'decline') {
            if (b.status !== 'pending') throw wrongState('declined');
            await bookingsRepo.update(tx, b.id, {
              status: 'declined',
              cancelReason: reason ?? null,
              cancelledBy: 'host',
              sequence: b.sequence + 1,
            });
            await bookingsRepo.cancelReminders(tx, b.id);
            await syncVideo(tx, fx, b.id);
            await announce(tx, fx, b.id, { kind: 'declined', reason: reason ?? null }, 'booking.declined');
            fx.freed(b.hostUserId, { start: b.startAt.toISOString(), end: b.endAt.toISOString() });
          } else if (action === 'cancel') {
            if (!isLive(b)) throw wrongState('cancelled');
            await cancelBooking(tx, fx, b, 'host', reason);
          } else {
            if (b.status !== 'confirmed') throw wrongState('marked as a no-show');
            if (b.startAt > now)
              throw conflict('meeting_not_started', 'You can mark a no-show once the meeting has started.');
            await bookingsRepo.update(tx, b.id, { noShow: true });
            await recordEvent(tx, b, 'no_show');
          }
          return view(tx, await load(tx, { id: b.id }), true);
        }),
      );
    },

    async inviteeCancel(uid: string, token: string, reason?: string) {
      const now = clock();
      const fx = new BookingEffects();
      return change(fx, () =>
        asInvitee(uid, token, async (tx, { booking: b }) => {
          if (!isLive(b)) throw conflict('booking_not_active', 'This booking is already cancelled or declined.');
          if (b.endAt <= now) throw conflict('booking_in_past', 'This meeting is over and can no longer be cancelled.');
          return cancelBooking(tx, fx, b, 'invitee', reason);
        }),
      );
    },

    /** Moves the booking in one UPDATE: the old time is freed and the new one taken atomically, same uid. */
    async inviteeReschedule(uid: string, token: string, newStart: string) {
      const now = clock();
      const start = new Date(newStart);
      const fx = new BookingEffects();
      return change(fx, () =>
        asInvitee(uid, token, async (tx, { booking: b }, host) => {
          if (!isLive(b)) throw conflict('booking_not_active', 'This booking is cancelled or declined.');
          if (b.endAt <= now)
            throw conflict('booking_in_past', 'This meeting is over and can no longer be rescheduled.');
          const type = await meetingTypesRepo.find(tx, b.hostUserId, b.meetingTypeId);
          if (!type) throw bookingNotFound();
          await bookingsRepo.lockHost(tx, b.hostUserId, deps.lockTimeoutMs);
          const verdict = await judgeStart(tx, { host, type, start, now, excludeBookingId: b.id });
          if (verdict === 'not_offered') throw notOffered();
          if (verdict === 'taken') throw slotUnavailable();
          const moved = await bookingsRepo.update(tx, b.id, {
            startAt: start,
            endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
            sequence: b.sequence + 1,
          });
          await scheduleReminders(tx, fx, type, moved, now);
          await syncVideo(tx, fx, b.id);
          await recordEvent(tx, b, 'booking_rescheduled');
          const { bookingView } = await announce(
            tx,
            fx,
            b.id,
            { kind: 'rescheduled', previousStart: b.startAt },
            'booking.rescheduled',
          );
          fx.freed(b.hostUserId, { start: b.startAt.toISOString(), end: b.endAt.toISOString() });
          fx.booked(b.hostUserId, bookingView);
          return bookingView;
        }),
      );
    },

    /**
     * For deleting a meeting type, inside the caller's transaction: the type's bookings still to happen, and a
     * way to cancel each of them as the host would, with the usual e-mails, webhooks and video deletion. The host
     * is locked first, so no booking of the type slips in between the count and the deletion. Run the function
     * cancelAll answers once the caller's transaction has committed.
     */
    async upcomingOfType(tx: Tx, type: { id: string; hostUserId: string }) {
      await bookingsRepo.lockHost(tx, type.hostUserId, deps.lockTimeoutMs);
      const rows = await bookingsRepo.liveUpcomingOfType(tx, type.id, clock());
      return {
        count: rows.length,
        async cancelAll(reason: string | undefined) {
          const fx = new BookingEffects();
          for (const b of rows) await cancelBooking(tx, fx, b, 'host', reason);
          return () => afterCommit(fx);
        },
      };
    },

    sendReminder,

    /** The provider's link arrived: the booking carries it, and a confirmed booking's people get an update. */
    async applyVideoLink(booking: { id: string; orgId: string }, url: string, providerLabel: string) {
      const fx = new BookingEffects();
      await withTenant(db, { orgId: booking.orgId }, async (tx) => {
        const { booking: b } = await load(tx, { id: booking.id });
        await bookingsRepo.update(tx, b.id, { location: { ...b.location, url }, sequence: b.sequence + 1 });
        if (b.status === 'confirmed')
          await announce(tx, fx, b.id, { kind: 'video_ready', provider: providerLabel }, undefined);
      });
      afterCommit(fx);
    },

    /** The provider would not make a link: the host hears why; the booking and its e-mails stand. */
    async videoLinkFailed(booking: { id: string; orgId: string }, providerLabel: string, reason: string) {
      const fx = new BookingEffects();
      await withTenant(db, { orgId: booking.orgId }, (tx) =>
        announce(tx, fx, booking.id, { kind: 'video_failed', provider: providerLabel, reason }, undefined),
      );
      afterCommit(fx);
    },

    registerJobs() {
      deps.queue.define(REMINDER_JOB, async (data) => {
        await sendReminder(String(data.reminderId));
      });
      // A reminder whose job was never queued (a crash right after commit) is still sent, a minute late.
      deps.queue.define(REMINDER_SWEEP_JOB, async () => {
        for (const r of await bookingsRepo.overdueReminders(db, 60)) await sendReminder(r.id);
      });
      deps.queue.every(REMINDER_SWEEP_JOB, '* * * * *');
    },
  };
}
export type BookingsService = ReturnType<typeof createBookingsService>;
