import { api } from '../../lib/api';

export const webhookEvents = [
  { id: 'booking.created', label: 'Booking created' },
  { id: 'booking.cancelled', label: 'Booking cancelled' },
  { id: 'booking.rescheduled', label: 'Booking rescheduled' },
  { id: 'booking.confirmed', label: 'Booking confirmed (after approval)' },
  { id: 'booking.declined', label: 'Booking declined' },
  { id: 'reminder.sent', label: 'Reminder sent' },
] as const;
export type WebhookEvent = (typeof webhookEvents)[number]['id'];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  isActive: boolean;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  status: 'pending' | 'succeeded' | 'dead';
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export const webhookEndpointsKey = ['webhook-endpoints'] as const;
export const webhookDeliveriesKey = (id: string) => ['webhook-deliveries', id] as const;

const path = (id: string) => `/api/webhooks/endpoints/${encodeURIComponent(id)}`;

export async function listEndpoints(signal?: AbortSignal) {
  const { endpoints } = await api.get<{ endpoints: WebhookEndpoint[] }>('/api/webhooks/endpoints', { signal });
  return endpoints;
}

export interface EndpointInput {
  url: string;
  events: WebhookEvent[];
}

/** The answer is the only time the signing secret is shown. */
export async function createEndpoint(input: EndpointInput) {
  const { endpoint } = await api.post<{ endpoint: WebhookEndpoint & { secret: string } }>(
    '/api/webhooks/endpoints',
    input,
  );
  return endpoint;
}

/** Pausing (isActive false) stops new deliveries; queued ones are still sent. The secret never changes. */
export async function updateEndpoint(id: string, patch: Partial<EndpointInput & { isActive: boolean }>) {
  const { endpoint } = await api.patch<{ endpoint: WebhookEndpoint }>(path(id), patch);
  return endpoint;
}

export async function deleteEndpoint(id: string) {
  await api.delete<{ ok: true }>(path(id));
}

export async function listDeliveries(id: string, signal?: AbortSignal) {
  const { deliveries } = await api.get<{ deliveries: WebhookDelivery[] }>(`${path(id)}/deliveries`, { signal });
  return deliveries;
}
