import { useId } from 'react';

interface SegmentedControlProps<T extends string> {
  /** Names the group for assistive technology (shown as a visible legend when `showLegend`). */
  legend: string;
  showLegend?: boolean;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/**
 * A row of mutually exclusive choices built on native radio buttons, so the arrow keys, Tab and screen readers
 * work as they do for any radio group.
 */
export function SegmentedControl<T extends string>({
  legend,
  showLegend = false,
  options,
  value,
  onChange,
}: SegmentedControlProps<T>) {
  const name = useId();
  return (
    <fieldset className="min-w-0">
      <legend className={showLegend ? 'mb-1.5 text-sm font-medium text-slate-900' : 'sr-only'}>{legend}</legend>
      <div className="inline-flex max-w-full flex-wrap rounded-md bg-slate-100 p-0.5">
        {options.map((option) => (
          <label
            key={option.value}
            className="relative min-h-9 cursor-pointer rounded px-3 py-2 text-sm font-semibold text-slate-600 hover:text-slate-900 has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
