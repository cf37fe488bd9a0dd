import type { Database } from '../../db/client.js';
import { uniqueViolation } from '../../db/errors.js';
import type { MeetingLocation } from '../../db/schema/index.js';
import { withTenant, type Tx } from '../../db/tenant.js';
import { conflict, notFound } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import { meetingTypesRepo, type MeetingTypeRow } from './meeting-types.repo.js';
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

/** Refuses a location the host cannot provide, such as Zoom without a connected Zoom account. */
export type LocationCheck = (tx: Tx, hostUserId: string, location: MeetingLocation) => Promise<void>;

export function createMeetingTypesService(
  db: Database,
  onChanged: (hostUserId: string) => void,
  checkLocation: LocationCheck,
) {
  const tenant = (p: Principal) => ({ orgId: p.orgId, userId: p.userId });

  async function write<T>(principal: Principal, fn: Parameters<typeof withTenant<T>>[2]): Promise<T> {
    try {
      const result = await withTenant(db, tenant(principal), fn);
      onChanged(principal.userId);
      return result;
    } catch (error) {
      if (uniqueViolation(error) === 'meeting_types_host_slug_key') throw slugTaken();
      throw error;
    }
  }

  return {
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
        return toMeetingTypeView(
          await meetingTypesRepo.insert(tx, { ...input, orgId: principal.orgId, hostUserId: principal.userId }),
        );
      }),

    update: (principal: Principal, id: string, patch: MeetingTypePatch) =>
      write(principal, async (tx) => {
        if (patch.location) await checkLocation(tx, principal.userId, patch.location);
        const row = await meetingTypesRepo.update(tx, principal.userId, id, patch);
        if (!row) throw notFound('The meeting type');
        return toMeetingTypeView(row);
      }),

    remove: (principal: Principal, id: string) =>
      write(principal, async (tx) => {
        if (!(await meetingTypesRepo.remove(tx, principal.userId, id))) throw notFound('The meeting type');
      }),
  };
}
export type MeetingTypesService = ReturnType<typeof createMeetingTypesService>;
