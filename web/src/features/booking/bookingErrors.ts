import type { TFunction } from 'i18next';
import { ApiError, type FieldErrors } from '../../lib/api';
import type { FormErrors } from '../../lib/formErrors';
import { errorText } from './errorText';

/**
 * A refused booking in the form's own words, whatever the page's language (the server words its answers in
 * English). A field the server faults gets the sentence the form's rules give it now, or a plain "check this"
 * when they find nothing (the host changed a question meanwhile, say); the rest is one sentence above the form.
 */
export function bookingFormErrors(
  error: unknown,
  formFields: readonly string[],
  ownFindings: FieldErrors,
  t: TFunction,
): FormErrors {
  const faulted = error instanceof ApiError ? Object.keys(error.fields) : [];
  const fields: FieldErrors = {};
  for (const name of faulted.filter((f) => formFields.includes(f)))
    fields[name] = ownFindings[name] ?? t('rules.checkAnswer');
  const shown = Object.keys(fields).length;
  // A 422 says no more than its fields do; other answers (and fields the form does not show) need the sentence.
  const fieldsSayItAll = error instanceof ApiError && error.status === 422 && shown > 0 && shown === faulted.length;
  return fieldsSayItAll ? { fields } : { fields, message: errorText(error, t) };
}
