import { ApiError, type FieldErrors } from './api';

export interface FormErrors {
  /** Messages shown under the named fields. */
  fields: FieldErrors;
  /** A message for the form as a whole, shown in an alert. */
  message?: string;
}

export const noFormErrors: FormErrors = { fields: {} };

/**
 * Splits an error from the server into messages under the form's own fields and one general message.
 * Field errors for fields this form does not show go into the general message, so none is lost.
 */
export function toFormErrors(error: unknown, formFields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, message: 'Something went wrong. Please try again.' };

  const fields: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    if (formFields.includes(name)) fields[name] = message;
    else elsewhere.push(message);
  }
  // A 422's own message only says that some fields are invalid; other statuses (a 409 "e-mail taken")
  // explain more than their field message does, so they keep it.
  const fieldsSayItAll = error.status === 422 && Object.keys(fields).length > 0 && elsewhere.length === 0;
  if (fieldsSayItAll) return { fields };
  return { fields, message: [error.message, ...elsewhere].join(' ') };
}
