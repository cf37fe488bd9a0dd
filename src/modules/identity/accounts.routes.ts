import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../server/config.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { rateLimited } from '../../server/plugins/rate-limit.js';
import type { AccountServices } from './accounts.service.js';
import {
  acceptedResponse,
  authPolicyResponse,
  checkInboxResponse,
  emailVerifiedResponse,
  emailVerifyBody,
  passwordForgotBody,
  passwordResetBody,
  recoveryCodesLeftResponse,
  recoveryCodesResponse,
  signupRequestBody,
  totpCodeBody,
  userResponse,
} from './schemas.js';
import type { IdentityService } from './service.js';
import { setSessionCookie } from './session-cookie.js';

const okResponse = z.object({ ok: z.literal(true) });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const CHECK_INBOX = 'Check your inbox: we sent you an e-mail with the next step.';
const RESET_REQUESTED =
  'If an account uses this address, we sent it a link to choose a new password. The link works for one hour.';

/** Sign-up, address verification, password reset and recovery codes: the ways into an account. */
export function accountRoutes(
  app: FastifyInstance,
  deps: { identity: IdentityService; accounts: AccountServices },
  config: Config,
) {
  const { identity, accounts } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });
  // Counted per address as well as per IP, for known and unknown addresses alike: a flood of mail to one inbox
  // is stopped, and how the limit behaves tells nothing about whether the address has an account.
  const byAddress = (req: FastifyRequest) => String((req.body as { email?: unknown }).email);
  const byUser = (req: FastifyRequest) => req.principal?.userId ?? req.ip;

  const signupLimits = rateLimited(app, [
    { name: 'signup-ip', max: 30, timeWindowMs: 15 * MINUTE, key: (req) => req.ip },
    { name: 'signup-address', max: 5, timeWindowMs: HOUR, key: byAddress },
  ]);
  const forgotLimits = rateLimited(app, [
    { name: 'password-forgot-ip', max: 10, timeWindowMs: 15 * MINUTE, key: (req) => req.ip },
    { name: 'password-forgot-address', max: 5, timeWindowMs: HOUR, key: byAddress },
  ]);
  const linkLimits = rateLimited(app, [
    { name: 'account-link-ip', max: 20, timeWindowMs: 15 * MINUTE, key: (req) => req.ip },
  ]);
  const resendLimits = rateLimited(app, [
    { name: 'email-resend-user', max: 5, timeWindowMs: HOUR, key: byUser },
    { name: 'email-resend-ip', max: 20, timeWindowMs: HOUR, key: (req) => req.ip },
  ]);
  const recoveryCodeLimits = rateLimited(app, [
    { name: 'recovery-codes-user', max: 10, timeWindowMs: 15 * MINUTE, key: byUser },
  ]);

  r.get(
    '/api/auth/policy',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who may sign up on this server (SIGNUP) and whether new addresses are verified (EMAIL_VERIFICATION)',
        response: { 200: authPolicyResponse },
      },
    },
    async () => ({ signup: config.signup, emailVerification: config.emailVerification }),
  );

  r.post(
    '/api/auth/signup',
    {
      preHandler: signupLimits,
      schema: {
        tags: ['identity'],
        summary: 'Create an account and its organization',
        description:
          'SIGNUP=closed answers 403 `signup_closed`; SIGNUP=invite needs `invite` (403 `invite_required` / ' +
          '`invite_invalid`). With EMAIL_VERIFICATION=off: 201 with a session, 409 `email_taken` or `username_taken`. ' +
          'With EMAIL_VERIFICATION=required: 202 `check_inbox` and no session, for a new and a registered address ' +
          'alike (the owner of a registered one is e-mailed); 409 `username_taken`. 422 for invalid fields, 429.',
        body: signupRequestBody,
        response: { 201: userResponse, 202: checkInboxResponse, ...errorAnswers(409) },
      },
    },
    async (request, reply) => {
      const outcome = await accounts.signup.signup(request.body, client(request));
      if (outcome.status === 'check_inbox')
        return reply.status(202).send({ status: 'check_inbox', message: CHECK_INBOX });
      setSessionCookie(request, reply, outcome.session, config);
      return reply.status(201).send({ user: outcome.session.user });
    },
  );

  r.post(
    '/api/auth/password/forgot',
    {
      preHandler: forgotLimits,
      schema: {
        tags: ['identity'],
        summary: 'E-mail a one-time link to choose a new password (valid for an hour)',
        description:
          'Answers 202 with the same body whether or not an account uses the address; the e-mail links to ' +
          '/reset-password?token=…. A newer link makes older ones void. 422 for an invalid address, 429.',
        body: passwordForgotBody,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await accounts.passwordReset.requestReset(request.body.email);
      return reply.status(202).send({ status: 'accepted', message: RESET_REQUESTED });
    },
  );

  r.post(
    '/api/auth/password/reset',
    {
      preHandler: linkLimits,
      schema: {
        tags: ['identity'],
        summary: 'Choose a new password with the token from the link; every session of the account ends',
        description:
          '400 `reset_link_invalid` for a token that is unknown, used, replaced by a newer one or expired. ' +
          'Two-factor authentication stays on; a two-factor set-up that was never finished is dropped. 422, 429.',
        body: passwordResetBody,
        response: { 200: okResponse, ...errorAnswers(400) },
      },
    },
    async (request) => {
      await accounts.passwordReset.reset(request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/email/verify',
    {
      preHandler: linkLimits,
      schema: {
        tags: ['identity'],
        summary: 'Verify the address with the token from the e-mail, and sign in',
        description:
          'Starts a session (cookie) unless two-factor authentication is on (`signedIn: false`: log in as usual). ' +
          '400 `verification_link_invalid` for a token that is unknown, used, replaced or expired. 429.',
        body: emailVerifyBody,
        response: { 200: emailVerifiedResponse, ...errorAnswers(400) },
      },
    },
    async (request, reply) => {
      const { session } = await accounts.emailVerification.verify(request.body.token, client(request));
      if (session) setSessionCookie(request, reply, session, config);
      return { emailVerified: true as const, signedIn: !!session };
    },
  );

  r.post(
    '/api/me/email/verification',
    {
      preHandler: [app.requireAuth, resendLimits],
      schema: {
        tags: ['identity'],
        summary: 'Send a new verification link to your address (earlier links stop working)',
        description:
          '409 `email_already_verified`; 429 `too_many_emails` after three links in an hour, or `rate_limited`.',
        response: { 202: acceptedResponse, ...errorAnswers(409) },
      },
    },
    async (request, reply) => {
      const email = await accounts.emailVerification.resend(requirePrincipal(request).userId);
      return reply.status(202).send({ status: 'accepted', message: `We sent a new link to ${email}.` });
    },
  );

  r.get(
    '/api/me/totp/recovery-codes',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['identity'],
        summary: 'How many unused recovery codes you have (never the codes)',
        description: '409 `totp_not_enabled`.',
        response: { 200: recoveryCodesLeftResponse, ...errorAnswers(409) },
      },
    },
    async (request) => identity.recoveryCodesLeft(requirePrincipal(request).userId),
  );

  r.post(
    '/api/me/totp/recovery-codes',
    {
      preHandler: [app.requireAuth, recoveryCodeLimits],
      schema: {
        tags: ['identity'],
        summary: 'Ten new recovery codes for a current TOTP code; the old ones stop working',
        description: '401 `totp_invalid`; 409 `totp_not_enabled`; 422, 429.',
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse, ...errorAnswers(401, 409) },
      },
    },
    async (request) => identity.regenerateRecoveryCodes(requirePrincipal(request).userId, request.body.code),
  );
}
