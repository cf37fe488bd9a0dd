import { z } from 'zod';

export const integrationProvider = z.enum(['zoom', 'google', 'microsoft']);

export const integrationSchema = z.object({
  provider: integrationProvider,
  label: z.string(),
  configured: z.boolean(),
  connected: z.boolean(),
  status: z.enum(['active', 'needs_reauth']).nullable(),
  accountEmail: z.string().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.string().nullable(),
});

export const videoStatusSchema = z
  .object({
    provider: z.enum(['jitsi', 'zoom', 'google_meet', 'teams']),
    status: z.enum(['pending', 'ready', 'failed', 'deleted']),
    error: z.string().nullable(),
  })
  .nullable();
