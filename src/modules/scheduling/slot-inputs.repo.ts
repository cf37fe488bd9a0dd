import type { DbHandle } from '../../db/client.js';
import type { Availability } from './schemas.js';
import type { LiveBooking, SlotRules } from './slot-scenario.js';

export type SlotInputs = {
  host: { id: string; timeZone: string; verified: boolean };
  /** Absent when the host has no live meeting type of that slug. */
  type?: SlotRules & { isActive: boolean };
  /** The hours the type follows; null when the host never saved any. */
  hours: Availability | null;
  live: LiveBooking[];
};

type StoredInputs = Omit<SlotInputs, 'live'> & {
  busy: [startMs: number, endMs: number, before: number, after: number, sameType: boolean][];
};

// The function sets the tenant and role for the rest of the transaction, so it runs alone, never inside one.
const TEXT = 'select public_slot_inputs($1, $2, $3, $4, $5) as inputs';

/**
 * The public slots read in one round trip: migration 0010's public_slot_inputs, as a prepared statement, reads
 * host, type, hours and nearby bookings under row level security.
 */
export function createSlotInputsRepo(handle: Pick<DbHandle, 'prepared'>) {
  return {
    /** `lookaroundMs`: how far either side of the range bookings are read (the type's buffers are added). */
    async read(username: string, slug: string, from: Date, to: Date, lookaroundMs: number) {
      const { rows } = await handle.prepared('public_slot_inputs', TEXT, [username, slug, from, to, lookaroundMs]);
      const stored = rows[0]?.inputs as StoredInputs | null | undefined;
      if (!stored) return undefined;
      // The function's answer is ours, built in the migration to this shape.
      const { busy, ...rest } = stored;
      const inputs: SlotInputs = {
        ...rest,
        live: busy.map(([startMs, endMs, bufferBeforeMinutes, bufferAfterMinutes, sameType]) => ({
          startMs: Number(startMs),
          endMs: Number(endMs),
          bufferBeforeMinutes,
          bufferAfterMinutes,
          sameType,
        })),
      };
      return inputs;
    },
  };
}
export type SlotInputsRepo = ReturnType<typeof createSlotInputsRepo>;
