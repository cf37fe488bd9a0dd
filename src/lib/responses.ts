import { z } from 'zod';

/** Answers every module gives the same way. Imports only zod, so the web app can take their types. */

/**
 * Every error answer: a stable code to branch on, a sentence to show, and details such as field messages. Its id
 * makes it one component of the OpenAPI document that every route's error answers refer to.
 */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorResponse = z.output<typeof errorResponse>;

/** A change that has nothing to report beyond its success. */
export const okResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.output<typeof okResponse>;
