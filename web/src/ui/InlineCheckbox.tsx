import type { ReactNode } from 'react';

interface InlineCheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Classes of the label: its gap, width and text. */
  className: string;
  children: ReactNode;
}

/** A checkbox inside its label, for a short choice in a row of other controls (a weekday on, a day off). */
export function InlineCheckbox({ checked, onChange, className, children }: InlineCheckboxProps) {
  return (
    <label className={`flex min-h-10 items-center ${className}`}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-5 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      />
      {children}
    </label>
  );
}
