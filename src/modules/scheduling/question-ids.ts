import { randomInt } from 'node:crypto';
import type { BookingQuestion } from '../../db/schema/index.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** "q_" and 8 base32 characters (40 random bits): short, and the prefix keeps it clear of names like "constructor". */
export function newQuestionId(): string {
  let id = 'q_';
  for (let i = 0; i < 8; i++) id += BASE32[randomInt(BASE32.length)];
  return id;
}

/**
 * Gives each question that arrived without an id a fresh one; ids that came in are kept, since stored answers
 * are keyed by them.
 */
export function withQuestionIds<Q extends { id?: string | undefined }>(
  questions: Q[],
): (Q & Pick<BookingQuestion, 'id'>)[] {
  const taken = new Set(questions.flatMap((q) => (q.id === undefined ? [] : [q.id])));
  return questions.map((q) => {
    if (q.id !== undefined) return { ...q, id: q.id };
    let id = newQuestionId();
    while (taken.has(id)) id = newQuestionId();
    taken.add(id);
    return { ...q, id };
  });
}
