import { controlClasses } from '../../ui/controlClasses';
import type { Unit } from './amounts';

/** Minutes, hours or days, beside the amount it counts: for notice and reminder times. */
export function UnitSelect({ label, value, onChange }: { label: string; value: Unit; onChange: (unit: Unit) => void }) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as Unit)}
      className={`${controlClasses} max-w-32`}
    >
      <option value="minutes">minutes</option>
      <option value="hours">hours</option>
      <option value="days">days</option>
    </select>
  );
}
