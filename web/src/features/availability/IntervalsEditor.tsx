import { Button } from '../../ui/Button';
import { controlClasses } from '../../ui/controlClasses';
import { FieldError } from '../../ui/FieldError';
import { InlineCheckbox } from '../../ui/InlineCheckbox';
import { crossesMidnight, defaultInterval, newKey, type IntervalDraft } from './draft';

interface TimeInputProps {
  label: string;
  value: string;
  onChange: (time: string) => void;
  /** The day's error, when it has one. */
  errorId: string | undefined;
}

function TimeInput({ label, value, onChange, errorId }: TimeInputProps) {
  return (
    <input
      type="time"
      aria-label={label}
      aria-describedby={errorId}
      aria-invalid={errorId ? true : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={`${controlClasses} max-w-36`}
    />
  );
}

interface IntervalsEditorProps {
  /** Names the day in control labels, e.g. "Monday". */
  dayLabel: string;
  intervals: IntervalDraft[];
  onChange: (intervals: IntervalDraft[]) => void;
  /** What is wrong with the day's hours, shown under them. */
  error: string | undefined;
  errorId: string;
}

/** A day's list of from–to intervals with add and remove buttons, and what is wrong with them. */
export function IntervalsEditor({ dayLabel, intervals, onChange, error, errorId }: IntervalsEditorProps) {
  function update(key: number, patch: Partial<IntervalDraft>) {
    onChange(intervals.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }
  function addAfter() {
    const last = intervals.at(-1);
    // The next interval starts an hour after the last one ends, which is usually what people want.
    if (!last) return onChange([defaultInterval()]);
    const [h, m] = last.end.split(':').map(Number);
    const start = `${String(Math.min((h ?? 17) + 1, 23)).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}`;
    const end = `${String(Math.min((h ?? 17) + 2, 23)).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}`;
    onChange([...intervals, { key: newKey(), start, end, endsNextDay: false }]);
  }
  const describedBy = error ? errorId : undefined;

  return (
    <>
      <ul className="space-y-2">
        {intervals.map((interval, index) => {
          const n = intervals.length > 1 ? ` (${index + 1})` : '';
          return (
            <li key={interval.key} className="flex flex-wrap items-center gap-2">
              <TimeInput
                label={`${dayLabel} from${n}`}
                value={interval.start}
                onChange={(start) => update(interval.key, { start })}
                errorId={describedBy}
              />
              <span aria-hidden="true" className="text-slate-500">
                –
              </span>
              <TimeInput
                label={`${dayLabel} until${n}`}
                value={interval.end}
                onChange={(end) => update(interval.key, { end })}
                errorId={describedBy}
              />
              {interval.end === '00:00' && <span className="text-xs text-slate-600">midnight</span>}
              {crossesMidnight(interval) && (
                // Asked, not assumed: 09:00–08:00 is more often a slip than a night shift.
                <InlineCheckbox
                  checked={interval.endsNextDay}
                  onChange={(endsNextDay) => update(interval.key, { endsNextDay })}
                  className="gap-2 text-sm text-slate-700"
                >
                  {interval.endsNextDay ? 'ends next day' : 'Ends the next day?'}
                  <span className="sr-only">
                    {' '}
                    ({dayLabel} {interval.start}–{interval.end})
                  </span>
                </InlineCheckbox>
              )}
              {intervals.length > 1 && (
                <Button
                  variant="ghost"
                  className="min-h-8 px-2 py-1 text-slate-600 hover:bg-slate-100"
                  onClick={() => onChange(intervals.filter((i) => i.key !== interval.key))}
                  aria-label={`Remove ${dayLabel} ${interval.start}–${interval.end}`}
                >
                  ×
                </Button>
              )}
              {index === intervals.length - 1 && (
                <Button
                  variant="ghost"
                  className="min-h-8 px-2 py-1"
                  onClick={addAfter}
                  aria-label={`Add hours on ${dayLabel}`}
                >
                  + Add
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <FieldError id={errorId}>{error}</FieldError>
    </>
  );
}
