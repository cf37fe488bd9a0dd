import { z } from 'zod';
import { INTEGRATION_STATUSES, OAUTH_PROVIDERS, VIDEO_LINK_STATUSES, VIDEO_PROVIDERS } from '../../db/schema/values.js';

export const integrationProvider = z.enum(OAUTH_PROVIDERS);
export type IntegrationProvider = z.output<typeof integrationProvider>;

export const integrationSchema = z.object({
  provider: integrationProvider,
  label: z.string(),
  /** The server has the OAuth client id and secret for this provider, so hosts can connect it. */
  configured: z.boolean(),
  connected: z.boolean(),
  status: z.enum(INTEGRATION_STATUSES).exclude(['disconnected']).nullable(),
  accountEmail: z.string().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
export type Integration = z.output<typeof integrationSchema>;
export const integrationListResponse = z.object({ integrations: z.array(integrationSchema) });
export type IntegrationListResponse = z.output<typeof integrationListResponse>;
/** The provider's consent page, where the browser goes next. */
export const connectResponse = z.object({ url: z.url() });
export type ConnectResponse = z.output<typeof connectResponse>;

export const integrationCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** How making a booking's video meeting is going; null for locations without one. */
export const videoStatusSchema = z
  .object({
    provider: z.enum(VIDEO_PROVIDERS),
    status: z.enum(VIDEO_LINK_STATUSES),
    error: z.string().nullable(),
  })
  .nullable();
export type VideoStatus = z.output<typeof videoStatusSchema>;
