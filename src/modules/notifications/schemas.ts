import { z } from 'zod';
import { OUTBOX_STATUSES } from '../../db/schema/values.js';

export const outboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.output<typeof outboxStatus>;

/** A queued e-mail as the development mailbox shows it: with its bodies and attachments. */
export const mailboxMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.string(),
  status: outboxStatus,
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() })),
});
export type MailboxMessage = z.output<typeof mailboxMessageSchema>;
export const mailboxResponse = z.object({ messages: z.array(mailboxMessageSchema) });
export type MailboxResponse = z.output<typeof mailboxResponse>;
export const mailboxQuery = z.object({ to: z.string().max(254).optional() });
export const mailboxEnabledResponse = z.object({ enabled: z.boolean() });
export type MailboxEnabledResponse = z.output<typeof mailboxEnabledResponse>;

/** An e-mail in the delivery log: where it is in its sending, without its bodies. */
export const loggedMessageSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  status: outboxStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type LoggedMessage = z.output<typeof loggedMessageSchema>;
export const messageLogResponse = z.object({ messages: z.array(loggedMessageSchema) });
export type MessageLogResponse = z.output<typeof messageLogResponse>;
export const messageLogQuery = z.object({ status: outboxStatus.optional() });
export type MessageLogQuery = z.input<typeof messageLogQuery>;

export const icsParams = z.object({ uid: z.string().regex(/^[0-9a-f]{30}$/) });
export const icsQuery = z.object({ token: z.string().min(1).max(200) });

/** The body of a signed call that asks for one reminder to be sent now. */
export const reminderSendBody = z.object({ reminderId: z.uuid() });
export const reminderSendResponse = z.object({ sent: z.boolean() });
