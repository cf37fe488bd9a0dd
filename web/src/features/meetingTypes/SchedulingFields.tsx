import type { FieldBinder } from '../../ui/bindFields';
import { CheckboxField } from '../../ui/CheckboxField';
import { controlClasses } from '../../ui/controlClasses';
import { Field } from '../../ui/Field';
import { TextField } from '../../ui/TextField';
import type { MeetingTypeDraft } from './draft';
import { UnitSelect } from './UnitSelect';

const wholeNumber = { type: 'number', inputMode: 'numeric', step: 1 } as const;

interface NumberSpec {
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

/** The number fields before the minimum notice in the grid, and after it. */
const timing: NumberSpec[] = [
  { name: 'durationMinutes', label: 'Duration (minutes)', min: 5, max: 720 },
  {
    name: 'slotIntervalMinutes',
    label: 'Start times every (minutes)',
    hint: "Empty: the meeting's duration.",
    min: 5,
    max: 720,
  },
  { name: 'bufferBeforeMinutes', label: 'Buffer before (minutes)', min: 0, max: 720 },
  { name: 'bufferAfterMinutes', label: 'Buffer after (minutes)', min: 0, max: 720 },
];
const limits: NumberSpec[] = [
  {
    name: 'bookingWindowDays',
    label: 'Booking window (days)',
    hint: 'How far ahead people can book.',
    min: 1,
    max: 730,
  },
  { name: 'maxBookingsPerDay', label: 'Most bookings per day', hint: 'Empty: no limit.', min: 1, max: 1000 },
];

/** How long a meeting type's meetings are, and when they can be booked. */
export function SchedulingFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  const notice = fields.value('minimumNotice', { errorKey: 'minimumNoticeMinutes' });
  const numberField = ({ name, label, hint, min, max }: NumberSpec) => (
    <TextField
      key={name}
      {...wholeNumber}
      label={label}
      name={name}
      hint={hint}
      min={min}
      max={max}
      {...fields.text(name)}
    />
  );

  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        {timing.map(numberField)}
        <Field
          label="Minimum notice"
          hint="How soon before its start a meeting can still be booked."
          error={notice.error}
        >
          {(control) => (
            <div className="flex gap-2">
              <input
                {...control}
                {...wholeNumber}
                name="minimumNotice"
                min={0}
                value={notice.value.amount}
                onChange={(event) => notice.onChange({ ...notice.value, amount: event.target.value })}
                className={controlClasses}
              />
              <UnitSelect
                label="Minimum notice unit"
                value={notice.value.unit}
                onChange={(unit) => notice.onChange({ ...notice.value, unit })}
              />
            </div>
          )}
        </Field>
        {limits.map(numberField)}
      </div>
      <CheckboxField
        label="I confirm each booking myself"
        hint="Requests wait as pending until you confirm or decline them."
        {...fields.checked('requiresConfirmation')}
      />
    </>
  );
}
