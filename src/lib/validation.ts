import { z } from 'zod';

/** Plain-language messages for the few generic zod issues a person filling a form can trigger. */
export function configureValidationMessages() {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required.';
      return undefined;
    },
  });
}
