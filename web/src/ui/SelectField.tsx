import type { ReactNode, SelectHTMLAttributes } from 'react';
import { controlClasses } from './controlClasses';
import { Field } from './Field';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function SelectField({ label, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control} className={controlClasses}>
          {children}
        </select>
      )}
    </Field>
  );
}
