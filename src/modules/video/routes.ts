import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { connectResponse, integrationCallbackQuery, integrationListResponse, integrationProvider } from './schemas.js';
import type { Integrations } from './integrations.service.js';
import { ProviderError } from './types.js';

const SETTINGS_PATH = '/dashboard/settings';

export function integrationRoutes(app: FastifyInstance, integrations: Integrations) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['integrations'];
  const auth = { preHandler: app.requireAuth };
  const params = z.object({ provider: integrationProvider });

  r.get(
    '/api/integrations',
    {
      ...auth,
      schema: {
        tags,
        summary: 'Your connected accounts (Zoom, Google, Microsoft) and which ones this server can connect',
        response: { 200: integrationListResponse },
      },
    },
    async (req) => ({ integrations: await integrations.list(requirePrincipal(req)) }),
  );

  r.post(
    '/api/integrations/:provider/connect',
    {
      ...auth,
      schema: {
        tags,
        summary: "Start connecting an account: open the returned URL, the provider's consent page",
        params,
        response: { 200: connectResponse, ...errorAnswers(409) },
      },
    },
    async (req) => ({ url: integrations.connectUrl(requirePrincipal(req), req.params.provider) }),
  );

  r.get(
    '/api/integrations/:provider/callback',
    {
      schema: {
        tags,
        summary: 'Where the provider sends the browser back after consent; redirects to the settings page',
        params,
        querystring: integrationCallbackQuery,
      },
    },
    async (req, reply) => {
      const { provider } = req.params;
      const back = (result: 'connected' | 'error', message?: string) =>
        reply.redirect(
          `${SETTINGS_PATH}?${new URLSearchParams({ integration: provider, result, ...(message ? { message } : {}) })}#connected-apps`,
        );
      const { code, state, error } = req.query;
      if (error || !code || !state)
        return back(
          'error',
          error === 'access_denied' ? 'Access was not allowed.' : 'The provider did not sign you in.',
        );
      try {
        await app.requireAuth(req as FastifyRequest);
        await integrations.complete(requirePrincipal(req), provider, code, state);
        return back('connected');
      } catch (e) {
        if (e instanceof AppError || e instanceof ProviderError) return back('error', e.message);
        throw e;
      }
    },
  );

  r.delete(
    '/api/integrations/:provider',
    { ...auth, schema: { tags, summary: 'Disconnect an account', params } },
    async (req, reply) => {
      await integrations.disconnect(requirePrincipal(req), req.params.provider);
      return reply.status(204).send();
    },
  );
}
