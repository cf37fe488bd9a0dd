import { z } from 'zod/mini';
import { plainMessage } from '../../../src/lib/validation';

/**
 * Runs one of the server's zod rules in the browser, so a form finds most mistakes before a round trip. Issues
 * the rule words generically read as the server's sentences; a form may still word a problem its own way.
 */
export function issuesOf(rule: z.core.$ZodType, value: unknown): z.core.$ZodIssue[] {
  const result = z.safeParse(rule, value, { error: plainMessage });
  return result.success ? [] : result.error.issues;
}

/** The first problem the rule finds, or undefined when the value passes. */
export function firstIssue(rule: z.core.$ZodType, value: unknown): z.core.$ZodIssue | undefined {
  return issuesOf(rule, value)[0];
}

/** An issue's field as the server's 422 answers name it: `questions.0.label`. */
export const fieldOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.');
