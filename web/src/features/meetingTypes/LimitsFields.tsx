import type { FieldBinder } from '../../ui/bindFields';
import { controlClasses } from '../../ui/controlClasses';
import { Field } from '../../ui/Field';
import type { MeetingTypeDraft } from './draft';
import { NumberField, wholeNumber, type NumberSpec } from './NumberField';
import { UnitSelect } from './UnitSelect';

const ahead: NumberSpec[] = [
  {
    name: 'bookingWindowDays',
    label: 'Booking window (days)',
    hint: 'How far ahead people can book.',
    min: 1,
    max: 730,
  },
  { name: 'maxBookingsPerDay', label: 'Most bookings per day', hint: 'Empty: no limit.', min: 1, max: 1000 },
];
const buffers: NumberSpec[] = [
  {
    name: 'bufferBeforeMinutes',
    label: 'Buffer before (minutes)',
    hint: 'Kept free before each meeting.',
    min: 0,
    max: 720,
  },
  {
    name: 'bufferAfterMinutes',
    label: 'Buffer after (minutes)',
    hint: 'Kept free after each meeting.',
    min: 0,
    max: 720,
  },
];

/** When a meeting type can be booked: notice, how far ahead, how many a day, and the free time around each. */
export function LimitsFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  const notice = fields.value('minimumNotice', { errorKey: 'minimumNoticeMinutes' });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
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
      {[...ahead, ...buffers].map((spec) => (
        <NumberField key={spec.name} fields={fields} spec={spec} />
      ))}
    </div>
  );
}
