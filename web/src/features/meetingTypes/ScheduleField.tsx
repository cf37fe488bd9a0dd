import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { timeZoneLabel } from '../../lib/timeZones';
import { localePrefersHour12 } from '../../lib/zonedTime';
import type { FieldBinder } from '../../ui/bindFields';
import { focusRing } from '../../ui/focusRing';
import { SelectField } from '../../ui/SelectField';
import { listSchedules, schedulesKey } from '../availability/api';
import { scheduleHref } from '../availability/ScheduleList';
import { weeklySummary } from '../availability/scheduleSummary';
import type { MeetingTypeDraft } from './draft';

/**
 * Which of the host's schedules the type follows. "Default" first: it follows whichever schedule is the default,
 * also after the host makes another one the default. Below, the chosen hours and a way to change them.
 */
export function ScheduleField({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  const schedules = useQuery({ queryKey: schedulesKey, queryFn: ({ signal }) => listSchedules(signal) });
  const binding = fields.text('scheduleId');
  const list = schedules.data ?? [];
  const fallback = list.find((s) => s.isDefault);
  const chosen = list.find((s) => s.id === binding.value) ?? fallback;
  // The default is offered as "Default"; by its own name only when the type already names it.
  const others = list.filter((s) => !s.isDefault || s.id === binding.value);

  return (
    <div className="space-y-3">
      <SelectField
        label="Schedule"
        name="scheduleId"
        hint={schedules.isError ? `Could not load your schedules. ${schedules.error.message}` : undefined}
        {...binding}
      >
        <option value="">{fallback ? `Default (${fallback.name})` : 'Default'}</option>
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <div className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
          <p>{weeklySummary(chosen.weekly, localePrefersHour12())}</p>
          <p className="mt-1 text-slate-600">
            {timeZoneLabel(chosen.timeZone)} ·{' '}
            <Link
              href={`~/dashboard${scheduleHref(chosen.id)}`}
              className={`rounded-sm font-semibold text-indigo-700 underline underline-offset-2 ${focusRing}`}
            >
              Edit “{chosen.name}”
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
