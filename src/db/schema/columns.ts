import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every table repeats. The tenant key lives beside the organizations table it references (identity.ts). */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
/** Kept current by the set_updated_at trigger, so writers never have to remember it. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
