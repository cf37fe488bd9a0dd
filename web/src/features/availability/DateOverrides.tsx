import type { FieldErrors } from '../../lib/api';
import { formatCivilDate, parseDateKey } from '../../lib/zonedTime';
import { Button } from '../../ui/Button';
import { controlClasses } from '../../ui/controlClasses';
import { FieldError } from '../../ui/FieldError';
import { InlineCheckbox } from '../../ui/InlineCheckbox';
import { defaultInterval, type OverrideDraft } from './draft';
import { IntervalsEditor } from './IntervalsEditor';

interface DateOverridesProps {
  overrides: OverrideDraft[];
  /** Keyed `overrides.{i}.date` and `overrides.{i}.intervals`. */
  errors: FieldErrors;
  onChange: (update: (overrides: OverrideDraft[]) => OverrideDraft[]) => void;
  onAdd: () => void;
}

/** Dates that differ from the weekly hours: a day off, or other hours. */
export function DateOverrides({ overrides, errors, onChange, onAdd }: DateOverridesProps) {
  const setOverride = (key: number, patch: Partial<OverrideDraft>) =>
    onChange((all) => all.map((o) => (o.key === key ? { ...o, ...patch } : o)));

  return (
    <section
      aria-labelledby="overrides-heading"
      className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
    >
      <div>
        <h2 id="overrides-heading" className="text-base font-semibold">
          Date overrides
        </h2>
        <p className="mt-1 text-sm text-slate-600">Days off, or different hours on a particular date.</p>
      </div>
      {overrides.length === 0 ? (
        <p className="text-sm text-slate-600 italic">No overrides.</p>
      ) : (
        <ul className="space-y-3">
          {overrides.map((o, index) => {
            const parsed = parseDateKey(o.date);
            const label = parsed
              ? formatCivilDate(parsed, { weekday: 'long', day: 'numeric', month: 'long' })
              : 'this date';
            const dateError = errors[`overrides.${index}.date`];
            return (
              <li key={o.key} className="space-y-3 rounded-lg border border-slate-200 p-4">
                <div className="flex flex-wrap items-end gap-3">
                  <div className="space-y-1.5">
                    <label htmlFor={`override-${o.key}`} className="block text-sm font-medium">
                      Date
                    </label>
                    <input
                      id={`override-${o.key}`}
                      type="date"
                      value={o.date}
                      aria-invalid={dateError ? true : undefined}
                      aria-describedby={dateError ? `override-${o.key}-error` : undefined}
                      onChange={(event) => setOverride(o.key, { date: event.target.value })}
                      className={`${controlClasses} max-w-48`}
                    />
                  </div>
                  <InlineCheckbox
                    checked={o.dayOff}
                    onChange={(dayOff) => setOverride(o.key, { dayOff })}
                    className="gap-2 text-sm"
                  >
                    Unavailable all day
                  </InlineCheckbox>
                  <Button
                    variant="ghost"
                    className="ml-auto text-red-700 hover:bg-red-50"
                    onClick={() => onChange((all) => all.filter((x) => x.key !== o.key))}
                  >
                    Remove<span className="sr-only"> the override for {label}</span>
                  </Button>
                </div>
                <FieldError id={`override-${o.key}-error`}>{dateError}</FieldError>
                {!o.dayOff && (
                  <IntervalsEditor
                    dayLabel={label}
                    intervals={o.intervals}
                    onChange={(intervals) =>
                      setOverride(
                        o.key,
                        intervals.length ? { intervals } : { dayOff: true, intervals: [defaultInterval()] },
                      )
                    }
                    error={errors[`overrides.${index}.intervals`]}
                    errorId={`override-${o.key}-intervals-error`}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Button variant="secondary" onClick={onAdd}>
        Add a date override
      </Button>
    </section>
  );
}
