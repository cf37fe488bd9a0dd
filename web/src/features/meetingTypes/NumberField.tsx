import type { FieldBinder } from '../../ui/bindFields';
import { TextField } from '../../ui/TextField';
import type { MeetingTypeDraft } from './draft';

export const wholeNumber = { type: 'number', inputMode: 'numeric', step: 1 } as const;

export interface NumberSpec {
  name:
    | 'durationMinutes'
    | 'slotIntervalMinutes'
    | 'bufferBeforeMinutes'
    | 'bufferAfterMinutes'
    | 'bookingWindowDays'
    | 'maxBookingsPerDay';
  label: string;
  hint?: string;
  min: number;
  max: number;
}

/** One of the editor's whole-number fields, kept as typed text in the draft. */
export function NumberField({ fields, spec }: { fields: FieldBinder<MeetingTypeDraft>; spec: NumberSpec }) {
  const { name, label, hint, min, max } = spec;
  return (
    <TextField {...wholeNumber} label={label} name={name} hint={hint} min={min} max={max} {...fields.text(name)} />
  );
}
