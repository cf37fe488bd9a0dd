import type {
  MailboxEnabledResponse,
  MailboxResponse,
  MessageLogResponse,
  OutboxStatus,
} from '../../../../src/modules/notifications/schemas';
import { api } from '../../lib/api';

export type { LoggedMessage, MailboxMessage } from '../../../../src/modules/notifications/schemas';
export type MessageStatus = OutboxStatus;

export const messagesKey = ['notification-messages'] as const;
export const devOutboxKey = ['dev-outbox'] as const;
export const devMailboxKey = ['dev-mailbox'] as const;

/** Whether the server keeps a development mailbox; with SMTP (or in production) it does not. */
export async function devMailboxEnabled(signal?: AbortSignal) {
  const { enabled } = await api.get<MailboxEnabledResponse>('/api/dev/mailbox', { signal });
  return enabled;
}

export async function listMessages(status: MessageStatus | undefined, signal?: AbortSignal) {
  const query = status ? `?${new URLSearchParams({ status }).toString()}` : '';
  const { messages } = await api.get<MessageLogResponse>(`/api/notifications/messages${query}`, { signal });
  return messages;
}

/**
 * The development mailbox of the signed-in organization; the server answers 404 when SMTP is configured (mail
 * then really goes out).
 */
export async function listDevOutbox(to: string, signal?: AbortSignal) {
  const query = to ? `?${new URLSearchParams({ to }).toString()}` : '';
  const { messages } = await api.get<MailboxResponse>(`/api/notifications/mailbox${query}`, { signal });
  return messages;
}
