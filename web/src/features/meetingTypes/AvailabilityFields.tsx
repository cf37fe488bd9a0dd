import type { FieldBinder } from '../../ui/bindFields';
import type { MeetingTypeDraft } from './draft';
import { NumberField } from './NumberField';
import { ScheduleField } from './ScheduleField';

const interval = {
  name: 'slotIntervalMinutes',
  label: 'Start times every (minutes)',
  hint: "Empty: the meeting's duration.",
  min: 5,
  max: 720,
} as const;

/** The hours a meeting type follows, and how its start times are spaced within them. */
export function AvailabilityFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  return (
    <>
      <ScheduleField fields={fields} />
      <div className="grid gap-5 sm:grid-cols-2">
        <NumberField fields={fields} spec={interval} />
      </div>
    </>
  );
}
