import type { FieldBinder } from '../../ui/bindFields';
import { CheckboxField } from '../../ui/CheckboxField';
import { controlClasses } from '../../ui/controlClasses';
import { Field } from '../../ui/Field';
import { TextField, type TextFieldProps } from '../../ui/TextField';
import type { MeetingTypeDraft } from './draft';
import { UnitSelect } from './UnitSelect';

const wholeNumber = { type: 'number', inputMode: 'numeric', step: 1 } as const;

function WholeNumberField(props: TextFieldProps) {
  return <TextField {...wholeNumber} {...props} />;
}

/** How long a meeting type's meetings are, and when they can be booked. */
export function SchedulingFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  const notice = fields.value('minimumNotice', { errorKey: 'minimumNoticeMinutes' });
  return (
    <>
      <div className="grid gap-5 sm:grid-cols-2">
        <WholeNumberField
          label="Duration (minutes)"
          name="durationMinutes"
          min={5}
          max={720}
          {...fields.text('durationMinutes')}
        />
        <WholeNumberField
          label="Start times every (minutes)"
          name="slotIntervalMinutes"
          hint="Empty: the meeting's duration."
          min={5}
          max={720}
          {...fields.text('slotIntervalMinutes')}
        />
        <WholeNumberField
          label="Buffer before (minutes)"
          name="bufferBeforeMinutes"
          min={0}
          max={720}
          {...fields.text('bufferBeforeMinutes')}
        />
        <WholeNumberField
          label="Buffer after (minutes)"
          name="bufferAfterMinutes"
          min={0}
          max={720}
          {...fields.text('bufferAfterMinutes')}
        />
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
        <WholeNumberField
          label="Booking window (days)"
          name="bookingWindowDays"
          hint="How far ahead people can book."
          min={1}
          max={730}
          {...fields.text('bookingWindowDays')}
        />
        <WholeNumberField
          label="Most bookings per day"
          name="maxBookingsPerDay"
          hint="Empty: no limit."
          min={1}
          max={1000}
          {...fields.text('maxBookingsPerDay')}
        />
      </div>
      <CheckboxField
        label="I confirm each booking myself"
        hint="Requests wait as pending until you confirm or decline them."
        {...fields.checked('requiresConfirmation')}
      />
    </>
  );
}
