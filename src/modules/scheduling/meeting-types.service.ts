import type { Database } from '../../db/client.js';
import { foreignKeyViolation, uniqueViolation } from '../../db/errors.js';
import type { MeetingLocation } from '../../db/schema/index.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import type { BookingsService } from './bookings.service.js';
import { copySlug, copyTitle } from './meeting-type-copy.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
import { withQuestionIds } from './question-ids.js';
import { schedulesRepo } from './schedules.repo.js';
import type { MeetingTypeCreate, MeetingTypePatch, MeetingTypeView } from './schemas.js';

export function toMeetingTypeView(row: MeetingTypeRow): MeetingTypeView {
  const {
    orgId: _o,
    hostUserId: _h,
    schedulingMode: _m,
    priceCents: _p,
    currency: _c,
    createdAt,
    updatedAt,
    location,
    questions,
    ...rest
  } = row;
  return {
    ...rest,
    location: location.value === undefined ? { type: location.type } : { type: location.type, value: location.value },
    questions: questions.map((q) => (q.options ? q : { id: q.id, label: q.label, type: q.type, required: q.required })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

const slugTaken = () =>
  conflict('slug_taken', 'You already have a meeting type with this link. Choose another slug.', {
    fields: { slug: 'Already used.' },
  });

const hasUpcomingBookings = (n: number) =>
  conflict(
    'type_has_bookings',
    `This meeting type has ${n} upcoming ${n === 1 ? 'booking' : 'bookings'}. Cancel ${n === 1 ? 'it' : 'them'} with the type (the invitees are told), or turn the type off instead.`,
    { upcomingBookings: n },
  );

const notYourSchedule = () => invalid({ scheduleId: 'Choose one of your schedules.' });

/** A type follows one of its own host's schedules: another host's id is refused like one that never existed. */
async function checkSchedule(tx: Tx, hostUserId: string, scheduleId: string | null | undefined) {
  if (scheduleId && !(await schedulesRepo.find(tx, hostUserId, scheduleId))) throw notYourSchedule();
}

/** A slug taken by a copy made at the same moment; the next attempt sees it and picks the next one. */
const COPY_ATTEMPTS = 3;
const isSlugTaken = (error: unknown) => error instanceof AppError && error.code === 'slug_taken';

/** Refuses a location the host cannot provide, such as Zoom without a connected Zoom account. */
export type LocationCheck = (tx: Tx, hostUserId: string, location: MeetingLocation) => Promise<void>;

export function createMeetingTypesService(
  db: Database,
  onChanged: (hostUserId: string) => void,
  checkLocation: LocationCheck,
  bookings: Pick<BookingsService, 'upcomingOfType'>,
) {
  const tenant = (p: Principal) => ({ orgId: p.orgId, userId: p.userId });

  async function write<T>(principal: Principal, fn: Parameters<typeof withTenant<T>>[2]): Promise<T> {
    try {
      const result = await withTenant(db, tenant(principal), fn);
      onChanged(principal.userId);
      return result;
    } catch (error) {
      if (uniqueViolation(error) === 'meeting_types_host_slug_key') throw slugTaken();
      // The schedule was deleted between the check and the write.
      if (foreignKeyViolation(error) === 'meeting_types_schedule_id_meeting_availability_id_fk')
        throw notYourSchedule();
      throw error;
    }
  }

  return {
    /** For other modules' counts (analytics): a live type of the host by its slug, inside the caller's transaction. */
    async idBySlug(tx: Tx, hostUserId: string, slug: string) {
      return (await meetingTypesRepo.findBySlug(tx, hostUserId, slug))?.id;
    },

    async list(principal: Principal) {
      const rows = await withTenant(db, tenant(principal), (tx) => meetingTypesRepo.listForHost(tx, principal.userId));
      return rows.map(toMeetingTypeView);
    },

    async get(principal: Principal, id: string) {
      const row = await withTenant(db, tenant(principal), (tx) => meetingTypesRepo.find(tx, principal.userId, id));
      if (!row) throw notFound('The meeting type');
      return toMeetingTypeView(row);
    },

    create: (principal: Principal, input: MeetingTypeCreate) =>
      write(principal, async (tx) => {
        await checkLocation(tx, principal.userId, input.location);
        await checkSchedule(tx, principal.userId, input.scheduleId);
        return toMeetingTypeView(
          await meetingTypesRepo.insert(tx, {
            ...input,
            questions: withQuestionIds(input.questions),
            orgId: principal.orgId,
            hostUserId: principal.userId,
          }),
        );
      }),

    update: (principal: Principal, id: string, patch: MeetingTypePatch) =>
      write(principal, async (tx) => {
        if (patch.location) await checkLocation(tx, principal.userId, patch.location);
        await checkSchedule(tx, principal.userId, patch.scheduleId);
        const { questions, ...rest } = patch;
        const row = await meetingTypesRepo.update(tx, principal.userId, id, {
          ...rest,
          ...(questions ? { questions: withQuestionIds(questions) } : {}),
        });
        if (!row) throw notFound('The meeting type');
        return toMeetingTypeView(row);
      }),

    /**
     * A copy with "(copy)" after the title and the next free `-copy` slug, turned off: until the host has renamed
     * it and turned it on, it neither shows on their profile page nor takes bookings next to the original.
     */
    async duplicate(principal: Principal, id: string): Promise<MeetingTypeView> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await write(principal, async (tx) => {
            const original = await meetingTypesRepo.find(tx, principal.userId, id);
            if (!original) throw notFound('The meeting type');
            const taken = new Set((await meetingTypesRepo.listForHost(tx, principal.userId)).map((t) => t.slug));
            const { id: _id, createdAt: _c, updatedAt: _u, archivedAt: _a, ...fields } = original;
            return toMeetingTypeView(
              await meetingTypesRepo.insert(tx, {
                ...fields,
                title: copyTitle(original.title),
                slug: copySlug(original.slug, taken),
                isActive: false,
              }),
            );
          });
        } catch (error) {
          if (!isSlugTaken(error) || attempt === COPY_ATTEMPTS) throw error;
        }
      }
    },

    /**
     * Upcoming bookings are never dropped unseen: unless the host asks to cancel them (each as a host cancel,
     * so invitees hear of it) the answer is 409 with their count. A type that has any bookings is archived, so
     * past ones keep their history; one that never had any is deleted.
     */
    async remove(principal: Principal, id: string, options: { cancelBookings: boolean; reason?: string | undefined }) {
      let afterCommit = () => {};
      const result = await write(principal, async (tx) => {
        const type = await meetingTypesRepo.find(tx, principal.userId, id);
        if (!type) throw notFound('The meeting type');
        const upcoming = await bookings.upcomingOfType(tx, type);
        if (upcoming.count && !options.cancelBookings) throw hasUpcomingBookings(upcoming.count);
        if (upcoming.count) afterCommit = await upcoming.cancelAll(options.reason);
        const archived = await meetingTypesRepo.hasBookings(tx, type.id);
        if (archived) await meetingTypesRepo.archive(tx, type.id);
        else await meetingTypesRepo.remove(tx, type.id);
        return { archived, cancelledBookings: upcoming.count };
      });
      afterCommit();
      return result;
    },
  };
}
export type MeetingTypesService = ReturnType<typeof createMeetingTypesService>;
