import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '../../db/schema/values.js';

export { WEBHOOK_TEST_EVENT } from '../../db/schema/values.js';

export const webhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.output<typeof webhookEvent>;

const endpointFields = {
  url: z
    .url({ message: 'Enter a full URL, e.g. https://example.com/hooks/tuskhub.' })
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), { message: 'Use an http or https URL.' }),
  events: z.array(webhookEvent).min(1, { message: 'Pick at least one event.' }),
};

export const endpointCreateBody = z.object(endpointFields);
export type EndpointCreateRequest = z.input<typeof endpointCreateBody>;

/** Change the URL or events, or pause (isActive false) and resume; the secret stays. */
export const endpointPatchBody = z
  .object({
    url: endpointFields.url.optional(),
    events: endpointFields.events.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Send url, events or isActive.' });
export type EndpointPatch = z.infer<typeof endpointPatchBody>;
export type EndpointPatchRequest = z.input<typeof endpointPatchBody>;

export const endpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export type Endpoint = z.output<typeof endpointSchema>;
export const endpointCreated = endpointSchema.extend({
  secret: z.string().describe('Standard Webhooks signing secret (whsec_…), shown only in this answer'),
});
export const endpointResponse = z.object({ endpoint: endpointSchema });
export type EndpointResponse = z.output<typeof endpointResponse>;
export const endpointCreatedResponse = z.object({ endpoint: endpointCreated });
export type EndpointCreatedResponse = z.output<typeof endpointCreatedResponse>;
export const endpointListResponse = z.object({ endpoints: z.array(endpointSchema) });
export type EndpointListResponse = z.output<typeof endpointListResponse>;

export const deliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type Delivery = z.output<typeof deliverySchema>;
export const deliveryListResponse = z.object({ deliveries: z.array(deliverySchema) });
export type DeliveryListResponse = z.output<typeof deliveryListResponse>;
export const deliveryResponse = z.object({ delivery: deliverySchema });
export type DeliveryResponse = z.output<typeof deliveryResponse>;
