import { z } from 'zod';

export const WEBHOOK_EVENTS = [
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.confirmed',
  'booking.declined',
  'reminder.sent',
] as const;

const endpointFields = {
  url: z
    .url({ message: 'Enter a full URL, e.g. https://example.com/hooks/tuskhub.' })
    .max(2000)
    .refine((u) => /^https?:\/\//.test(u), { message: 'Use an http or https URL.' }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, { message: 'Pick at least one event.' }),
};

export const endpointCreateBody = z.object(endpointFields);

/** Change the URL or events, or pause (isActive false) and resume; the secret stays. */
export const endpointPatchBody = z
  .object({
    url: endpointFields.url.optional(),
    events: endpointFields.events.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Send url, events or isActive.' });
export type EndpointPatch = z.infer<typeof endpointPatchBody>;

export const endpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  isActive: z.boolean(),
  createdAt: z.string(),
});
export const endpointCreated = endpointSchema.extend({
  secret: z.string().describe('Standard Webhooks signing secret (whsec_…), shown only in this answer'),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  event: z.string(),
  status: z.enum(['pending', 'succeeded', 'dead']),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
