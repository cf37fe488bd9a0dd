import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import { writeInOneStatement } from '../../db/one-statement.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { VideoLinks } from '../video/links.service.js';
import { checkAnswers } from './booking-answers.js';
import { notOffered, slotUnavailable, type BookingChanges } from './booking-changes.js';
import { BookingEffects } from './booking-effects.js';
import type { BookingViews } from './booking-view.js';
import { bookingsRepo, type BookingRow, type BookingWithContext } from './bookings.repo.js';
import { hoursOf } from './availability.service.js';
import {
  bookingsRange,
  slotsAmong,
  slotWithBuffers,
  type Host,
  type LiveBooking,
  type SlotRequest,
} from './offered-slots.js';
import { remindersFor } from './reminders.service.js';
import { requestFingerprint } from './request-fingerprint.js';
import type { BookInput, BookingView } from './schemas.js';

const MINUTE = 60_000;

export type NewBookingsDeps = {
  db: Database;
  video: Pick<VideoLinks, 'locationFor' | 'newLink'>;
  findHost: (username: string) => Promise<Host | undefined>;
  clock: Clock;
  /** Longest wait for the host's booking lock before the request answers 503 busy. */
  lockTimeoutMs: number;
  changes: BookingChanges;
  views: BookingViews;
};

type Context = NonNullable<Awaited<ReturnType<typeof bookingsRepo.newBookingContext>>>;
type Idempotency = { key: string | undefined; print: string };

/**
 * Booking a slot. Bookings of one host take turns on the host's lock until they commit, so the host's booking
 * rate is set by what happens under it. Only what depends on the host's current bookings is done there: one
 * statement re-reads them (and that the type still takes bookings), the engine judges the start, and one
 * statement writes the booking with its reminders, video link, analytics event, e-mails and webhook deliveries.
 * Everything else (the type, its hours, the answers, the idempotency key, the e-mails rendered) comes first.
 */
export function createNewBookings(deps: NewBookingsDeps) {
  const { db, changes } = deps;

  /** The new booking's row, with its context as views and e-mails read it, and every write that goes with it. */
  function prepare(tx: Tx, context: Context, input: BookInput, start: Date, now: Date, idempotency: Idempotency) {
    const { type, host, uid, createdAt } = context;
    const booking: BookingRow = {
      id: randomUUID(),
      uid,
      orgId: type.orgId,
      meetingTypeId: type.id,
      hostUserId: type.hostUserId,
      status: type.requiresConfirmation ? 'pending' : 'confirmed',
      startAt: start,
      endAt: new Date(start.getTime() + type.durationMinutes * MINUTE),
      timeZone: input.timeZone,
      hourCycle: input.hourCycle ?? null,
      inviteeName: input.invitee.name,
      inviteeEmail: input.invitee.email,
      answers: input.answers,
      notes: input.notes ?? null,
      location: deps.video.locationFor(type.location),
      sequence: 0,
      idempotencyKey: idempotency.key ?? null,
      idempotencyFingerprint: idempotency.key ? idempotency.print : null,
      cancelReason: null,
      cancelledBy: null,
      noShow: false,
      hostNote: null,
      rescheduleRequestedAt: null,
      locale: input.locale ?? 'en',
      createdAt,
      updatedAt: createdAt,
    };
    const reminders = remindersFor(type, booking, now).map((r) => ({ id: randomUUID(), ...r }));
    const link = deps.video.newLink(tx, booking);
    const row: BookingWithContext = {
      booking,
      type: { id: type.id, title: type.title, slug: type.slug, questions: type.questions },
      host,
      video: link?.view ?? null,
    };
    // Latest first, as every view of a stored booking lists them.
    const shown = [...reminders].sort((a, b) => b.offsetMinutes - a.offsetMinutes);
    const { mails, hooks } = changes.announcement(tx, row, shown, { kind: 'booked' }, 'booking.created');
    return {
      view: deps.views.viewOf(row, shown, 'booker'),
      writes: [
        bookingsRepo.insertWrite(tx, booking),
        ...(reminders.length ? [bookingsRepo.remindersWrite(tx, reminders)] : []),
        ...(link ? [link.write] : []),
        changes.eventWrite(tx, booking, 'booking_created'),
        ...mails,
      ],
      hooks,
      reminders: reminders.filter((r) => r.status === 'scheduled'),
      makesVideo: link?.needsSync ?? false,
    };
  }

  async function book(
    input: BookInput,
    idempotencyKey: string | undefined,
  ): Promise<{ booking: BookingView; replayed: boolean }> {
    const host = await deps.findHost(input.user);
    if (!host) throw notFound('The booking page');
    const start = new Date(input.start);
    const idempotency = { key: idempotencyKey, print: requestFingerprint(input) };
    const now = deps.clock();
    const fx = new BookingEffects();
    try {
      return await changes.change(fx, () =>
        withTenant(db, { orgId: host.orgId }, async (tx) => {
          const context = await bookingsRepo.newBookingContext(tx, host.id, input.type);
          if (!context || !context.type.isActive) throw notFound('The booking page');
          const { type } = context;
          checkAnswers(type.questions, input.answers);
          if (idempotencyKey) {
            const previous = await bookingsRepo.findByIdempotencyKey(tx, type.id, idempotencyKey);
            if (previous && previous.fingerprint !== idempotency.print) {
              throw conflict('idempotency_key_reused', 'This Idempotency-Key was used with a different request.');
            }
            if (previous) {
              const stored = await changes.load(tx, { uid: previous.uid });
              return { booking: await changes.view(tx, stored, 'booker'), replayed: true };
            }
          }
          const hours = await hoursOf(tx, host.id, type.scheduleId, host.timeZone);
          const request: SlotRequest = { host, type, now, from: start, to: new Date(start.getTime() + 1) };
          const isFree = (live: LiveBooking[]) => slotsAmong(request, hours, live).length === 1;
          const around = [
            host.id,
            bookingsRange(request),
            slotWithBuffers(type, start),
            type.maxBookingsPerDay ? type.id : undefined,
          ] as const;
          // A start already taken is refused without queueing for the lock: a crowd after one slot stays cheap.
          if (!isFree(await bookingsRepo.liveAround(tx, ...around)))
            throw isFree([]) ? slotUnavailable() : notOffered();
          const booking = prepare(tx, context, input, start, now, idempotency);

          await bookingsRepo.lockHost(tx, host.id, deps.lockTimeoutMs);
          const live = await bookingsRepo.liveAroundIfBookable(tx, type.id, ...around);
          if (!live) throw notFound('The booking page');
          if (!isFree(live)) throw slotUnavailable();
          changes.announced(fx, await writeInOneStatement(tx, booking.writes, booking.hooks));
          fx.reminders.push(...booking.reminders);
          fx.video = booking.makesVideo;
          fx.booked(host.id, booking.view);
          return { booking: booking.view, replayed: false };
        }),
      );
    } catch (error) {
      // Two retries with one key raced past the lookup: the loser's insert hit the unique key, so replay.
      if (uniqueViolation(error) === 'meeting_bookings_idempotency_key') return book(input, idempotencyKey);
      throw error;
    }
  }

  return { book };
}
