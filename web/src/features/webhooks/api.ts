import type { OkResponse } from '../../../../src/lib/responses';
import { WEBHOOK_EVENTS, WEBHOOK_TEST_EVENT } from '../../../../src/db/schema/values';
import type {
  DeliveryListResponse,
  DeliveryResponse,
  EndpointCreatedResponse,
  EndpointCreateRequest,
  EndpointListResponse,
  EndpointPatchRequest,
  EndpointResponse,
  WebhookEvent,
} from '../../../../src/modules/webhooks/schemas';
import { api } from '../../lib/api';

export type {
  Delivery as WebhookDelivery,
  Endpoint as WebhookEndpoint,
  WebhookEvent,
} from '../../../../src/modules/webhooks/schemas';
export type EndpointInput = EndpointCreateRequest;

const eventLabels: Record<WebhookEvent, string> = {
  'booking.created': 'Booking created',
  'booking.cancelled': 'Booking cancelled',
  'booking.rescheduled': 'Booking rescheduled',
  'booking.confirmed': 'Booking confirmed (after approval)',
  'booking.declined': 'Booking declined',
  'reminder.sent': 'Reminder sent',
};
export const webhookEvents = WEBHOOK_EVENTS.map((id) => ({ id, label: eventLabels[id] }));
/** A delivery the host sent to try the endpoint, not a real event. */
export const isTestDelivery = (event: string) => event === WEBHOOK_TEST_EVENT;

export const webhookEndpointsKey = ['webhook-endpoints'] as const;
export const webhookDeliveriesKey = (id: string) => ['webhook-deliveries', id] as const;

const path = (id: string) => `/api/webhooks/endpoints/${encodeURIComponent(id)}`;

export async function listEndpoints(signal?: AbortSignal) {
  const { endpoints } = await api.get<EndpointListResponse>('/api/webhooks/endpoints', { signal });
  return endpoints;
}

/** The answer is the only time the signing secret is shown. */
export async function createEndpoint(input: EndpointInput) {
  const { endpoint } = await api.post<EndpointCreatedResponse>('/api/webhooks/endpoints', input);
  return endpoint;
}

/** Pausing (isActive false) stops new deliveries; queued ones are still sent. The secret never changes. */
export async function updateEndpoint(id: string, patch: EndpointPatchRequest) {
  const { endpoint } = await api.patch<EndpointResponse>(path(id), patch);
  return endpoint;
}

export async function deleteEndpoint(id: string) {
  await api.delete<OkResponse>(path(id));
}

export async function listDeliveries(id: string, signal?: AbortSignal) {
  const { deliveries } = await api.get<DeliveryListResponse>(`${path(id)}/deliveries`, { signal });
  return deliveries;
}

/** Queues a made-up booking event, signed like a real one; it shows in the deliveries once sent. */
export async function sendTestEvent(id: string) {
  const { delivery } = await api.post<DeliveryResponse>(`${path(id)}/test`);
  return delivery;
}
