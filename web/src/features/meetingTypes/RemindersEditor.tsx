import { useState } from 'react';
import { Button } from '../../ui/Button';
import { controlClasses } from '../../ui/controlClasses';
import { FieldError } from '../../ui/FieldError';
import { describeOffset, unitMinutes, type Unit } from './amounts';
import { UnitSelect } from './UnitSelect';

interface RemindersEditorProps {
  /** Minutes before the meeting. */
  value: number[];
  error?: string | undefined;
  onChange: (offsets: number[]) => void;
}

const MAX_REMINDERS = 5;

/** E-mail reminders before the meeting, as offsets in minutes (5 minutes to 30 days, at most five). */
export function RemindersEditor({ value: offsets, error, onChange }: RemindersEditorProps) {
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<Unit>('hours');
  const [problem, setProblem] = useState<string | null>(null);
  const sorted = [...offsets].sort((a, b) => b - a);

  function add() {
    const n = Number(amount);
    const minutes = n * unitMinutes[unit];
    if (!Number.isInteger(n) || n <= 0) setProblem('Enter a whole number.');
    else if (minutes < 5 || minutes > 43_200) setProblem('A reminder goes out between 5 minutes and 30 days before.');
    else if (offsets.includes(minutes)) setProblem('There is already a reminder at that time.');
    else {
      setProblem(null);
      onChange([...offsets, minutes]);
    }
  }

  const message = problem ?? error;
  return (
    <div className="space-y-3">
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-600 italic">No reminders.</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {sorted.map((offset) => (
            <li
              key={offset}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pr-1 pl-3 text-sm text-slate-800"
            >
              {describeOffset(offset)} before
              <button
                type="button"
                onClick={() => onChange(offsets.filter((o) => o !== offset))}
                aria-label={`Remove the reminder ${describeOffset(offset)} before`}
                className="grid size-6 place-items-center rounded-full text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {offsets.length < MAX_REMINDERS && (
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-slate-900">Add a reminder</legend>
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="number"
              min={1}
              inputMode="numeric"
              aria-label="Reminder amount"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              className={`${controlClasses} max-w-24`}
            />
            <UnitSelect label="Reminder unit" value={unit} onChange={setUnit} />
            <span className="text-sm text-slate-700">before</span>
            <Button variant="secondary" onClick={add}>
              Add
            </Button>
          </div>
        </fieldset>
      )}
      <FieldError>{message}</FieldError>
    </div>
  );
}
