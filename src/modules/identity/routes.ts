import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../server/config.js';
import { readSessionToken, requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import { SESSION_COOKIE } from '../../server/plugins/security.js';
import { okResponse } from '../../lib/responses.js';
import {
  apiKeyCreateBody,
  apiKeyCreated,
  apiKeyListResponse,
  csrfResponse,
  loginRequestBody,
  loginResponse,
  meResponse,
  passwordChangeBody,
  profilePatchBody,
  recoveryCodesResponse,
  totpCodeBody,
  totpDisableBody,
  totpSetupResponse,
  userResponse,
} from './schemas.js';
import type { OnboardingService } from './onboarding.service.js';
import type { IdentityService } from './service.js';
import { setSessionCookie } from './session-cookie.js';

const MINUTE = 60_000;

export function identityRoutes(
  app: FastifyInstance,
  { identity, onboarding }: { identity: IdentityService; onboarding: OnboardingService },
  config: Config,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

  const authLimits = rateLimited(app, [{ name: 'auth-ip', max: 30, timeWindowMs: 15 * MINUTE, key: (req) => req.ip }]);
  // Guessing one account's password is limited per (account, address): counted per account alone, ten wrong
  // guesses from anywhere would lock its owner out everywhere.
  const loginLimits = rateLimited(app, [
    { name: 'login-ip', max: 30, timeWindowMs: 15 * MINUTE, key: (req) => req.ip },
    {
      name: 'login-account-ip',
      max: 10,
      timeWindowMs: 15 * MINUTE,
      key: (req) => `${String((req.body as { email?: unknown }).email)}|${req.ip}`,
    },
  ]);

  r.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['identity'],
        summary: 'Get a CSRF token to send as x-csrf-token with cookie-authenticated writes',
        response: { 200: csrfResponse },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  r.post(
    '/api/auth/login',
    {
      preHandler: loginLimits,
      schema: {
        tags: ['identity'],
        summary:
          'Log in with e-mail, password and, when enabled, a TOTP code or a recovery code (used up; the answer says how many are left)',
        body: loginRequestBody,
        response: { 200: loginResponse, ...errorAnswers(401) },
      },
    },
    async (request, reply) => {
      const session = await identity.login(request.body, client(request));
      setSessionCookie(request, reply, session, config);
      const { user, recoveryCodesLeft } = session;
      return recoveryCodesLeft === undefined ? { user } : { user, recoveryCodesLeft };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['identity'], summary: 'End the current session', response: { 200: okResponse } } },
    async (request, reply) => {
      const token = readSessionToken(request);
      if (token) await identity.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/me',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'The signed-in user, and where they are in the first-run guide',
        response: { 200: meResponse, ...errorAnswers(404) },
      },
    },
    async (request) => {
      const { userId } = requirePrincipal(request);
      return { user: await identity.me(userId), onboarding: await onboarding.get(userId) };
    },
  );

  r.patch(
    '/api/me',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'Change your name, time zone, username or language',
        description:
          'A new username moves every booking link; 409 `username_taken`. `locale` is the language of your e-mails.',
        body: profilePatchBody,
        response: { 200: userResponse, ...errorAnswers(404, 409) },
      },
    },
    async (request) => ({ user: await identity.updateProfile(requirePrincipal(request).userId, request.body) }),
  );

  r.post(
    '/api/me/password',
    {
      preHandler: [app.requireAuth, authLimits],
      schema: {
        tags: ['identity'],
        summary: 'Change your password; other sessions are logged out',
        body: passwordChangeBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await identity.changePassword(
        requirePrincipal(request).userId,
        request.body.currentPassword,
        request.body.newPassword,
        readSessionToken(request),
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/api-keys',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'List your API keys (never the keys themselves)',
        response: { 200: apiKeyListResponse },
      },
    },
    async (request) => ({ apiKeys: await identity.listApiKeys(requirePrincipal(request).userId) }),
  );

  r.post(
    '/api/api-keys',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'Create an API key; the key is shown only in this answer',
        body: apiKeyCreateBody,
        response: { 201: apiKeyCreated },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await identity.createApiKey(requirePrincipal(request), request.body.name)),
  );

  r.delete(
    '/api/api-keys/:id',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'Revoke an API key',
        params: z.object({ id: z.uuid() }),
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await identity.revokeApiKey(requirePrincipal(request).userId, request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/me/totp/setup',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'Start two-factor set-up: a new secret and its otpauth URL',
        response: { 200: totpSetupResponse, ...errorAnswers(404, 409) },
      },
    },
    async (request) => identity.setupTotp(requirePrincipal(request).userId),
  );

  r.post(
    '/api/me/totp/enable',
    {
      preHandler: [app.requireAuth, authLimits],
      schema: {
        tags: ['identity'],
        summary: 'Turn two-factor on with a code from the app; answers ten recovery codes, shown only here',
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse, ...errorAnswers(409) },
      },
    },
    async (request) => identity.enableTotp(requirePrincipal(request).userId, request.body.code),
  );

  r.post(
    '/api/me/totp/disable',
    {
      preHandler: [app.requireAuth, authLimits],
      schema: {
        tags: ['identity'],
        summary: 'Turn two-factor off with a current code, or with a recovery code when the device is lost',
        body: totpDisableBody,
        response: { 200: okResponse, ...errorAnswers(409) },
      },
    },
    async (request) => {
      await identity.disableTotp(requirePrincipal(request).userId, request.body);
      return { ok: true as const };
    },
  );
}
