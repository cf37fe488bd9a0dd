import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import type { OnboardingService } from './onboarding.service.js';
import { onboardingPatchBody, onboardingResponse } from './schemas.js';

/** The first-run guide's state; `GET /api/me` answers it beside the user. */
export function onboardingRoutes(app: FastifyInstance, onboarding: OnboardingService) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.patch(
    '/api/me/onboarding',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'Mark a step of the first-run guide done, skip the guide for now, or resume it',
        description:
          '`done` marks one step (422 for a step that is not part of the guide on this server); `dismissed: true` ' +
          'puts the guide away, `false` brings it back. Marking the last step finishes the guide.',
        body: onboardingPatchBody,
        response: { 200: onboardingResponse, ...errorAnswers(404) },
      },
    },
    async (request) => ({ onboarding: await onboarding.update(requirePrincipal(request).userId, request.body) }),
  );
}
