import type { FieldErrors } from '../../lib/api';
import { weekdayNames } from '../../lib/zonedTime';
import { Button } from '../../ui/Button';
import { InlineCheckbox } from '../../ui/InlineCheckbox';
import { defaultInterval, newKey, type DayDraft } from './draft';
import { IntervalsEditor } from './IntervalsEditor';

const dayNames = weekdayNames(1, 'long');

interface WeeklyHoursProps {
  /** Monday first. */
  week: DayDraft[];
  /** Keyed `week.{0-6}`. */
  errors: FieldErrors;
  onChange: (update: (week: DayDraft[]) => DayDraft[]) => void;
}

/** Each weekday on or off, with its hours, and a way to copy one day's hours to the whole week. */
export function WeeklyHours({ week, errors, onChange }: WeeklyHoursProps) {
  const setDay = (index: number, day: DayDraft) => onChange((w) => w.map((d, i) => (i === index ? day : d)));

  function copyToAll(index: number) {
    const source = week[index]!;
    onChange((w) =>
      w.map(() => ({ enabled: true, intervals: source.intervals.map((i) => ({ ...i, key: newKey() })) })),
    );
  }

  return (
    <section
      aria-labelledby="weekly-heading"
      className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <h2 id="weekly-heading" className="text-base font-semibold">
        Weekly hours
      </h2>
      <ul className="divide-y divide-slate-200">
        {week.map((day, index) => {
          const name = dayNames[index]!;
          return (
            <li key={name} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start">
              <InlineCheckbox
                checked={day.enabled}
                onChange={(enabled) => setDay(index, { ...day, enabled })}
                className="w-36 shrink-0 gap-3 text-sm font-medium"
              >
                {name}
              </InlineCheckbox>
              <div className="min-w-0 flex-1 space-y-2">
                {day.enabled ? (
                  <IntervalsEditor
                    dayLabel={name}
                    intervals={day.intervals}
                    onChange={(intervals) =>
                      setDay(index, {
                        enabled: intervals.length > 0,
                        intervals: intervals.length ? intervals : [defaultInterval()],
                      })
                    }
                    error={errors[`week.${index}`]}
                    errorId={`week-${index}-error`}
                  />
                ) : (
                  <p className="flex min-h-10 items-center text-sm text-slate-600">Unavailable</p>
                )}
              </div>
              {day.enabled && (
                <Button variant="ghost" className="self-start text-xs text-slate-600" onClick={() => copyToAll(index)}>
                  Copy to all days<span className="sr-only"> from {name}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
