import { api } from '../../lib/api';

export type MessageStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface LoggedMessage {
  id: string;
  to: string;
  subject: string;
  status: MessageStatus | (string & {});
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: string;
  status: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
}

export const messagesKey = ['notification-messages'] as const;
export const devOutboxKey = ['dev-outbox'] as const;
export const devMailboxKey = ['dev-mailbox'] as const;

/** Whether the server keeps a development mailbox; with SMTP (or in production) it does not. */
export async function devMailboxEnabled(signal?: AbortSignal) {
  const { enabled } = await api.get<{ enabled: boolean }>('/api/dev/mailbox', { signal });
  return enabled;
}

export async function listMessages(status: MessageStatus | undefined, signal?: AbortSignal) {
  const query = status ? `?${new URLSearchParams({ status }).toString()}` : '';
  const { messages } = await api.get<{ messages: LoggedMessage[] }>(`/api/notifications/messages${query}`, { signal });
  return messages;
}

/**
 * The development mailbox of the signed-in organization; the server answers 404 when SMTP is configured (mail
 * then really goes out).
 */
export async function listDevOutbox(to: string, signal?: AbortSignal) {
  const query = to ? `?${new URLSearchParams({ to }).toString()}` : '';
  const { messages } = await api.get<{ messages: MailboxMessage[] }>(`/api/notifications/mailbox${query}`, { signal });
  return messages;
}
