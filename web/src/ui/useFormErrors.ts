import { useEffect, useRef, useState } from 'react';
import { noFormErrors, type FormErrors } from '../lib/formErrors';

/**
 * Error state for a form. Showing errors moves focus to the first invalid field, so keyboard and
 * screen-reader users land where the fix is; clearing one field's error while typing does not move focus.
 */
export function useFormErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState({ errors: noFormErrors, timesShown: 0 });

  useEffect(() => {
    if (state.timesShown === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state.timesShown]);

  return {
    formRef,
    errors: state.errors,
    show: (errors: FormErrors) => setState((s) => ({ errors, timesShown: s.timesShown + 1 })),
    clear: () => setState((s) => ({ ...s, errors: noFormErrors })),
    clearField: (name: string) =>
      setState((s) => {
        if (!(name in s.errors.fields)) return s;
        const { [name]: _cleared, ...fields } = s.errors.fields;
        return { ...s, errors: { ...s.errors, fields } };
      }),
  };
}
