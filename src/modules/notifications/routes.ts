import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../server/config.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { errorAnswers } from '../../server/plugins/error-responses.js';
import { isLocalRequest } from '../../server/plugins/local-request.js';
import type { BookingsService } from '../scheduling/bookings.service.js';
import type { Notifications } from './service.js';
import { keepRawJson } from '../../server/plugins/raw-json.js';
import type { InboundVerifier } from '../webhooks/types.js';
import {
  icsParams,
  icsQuery,
  mailboxEnabledResponse,
  mailboxQuery,
  mailboxResponse,
  messageLogQuery,
  messageLogResponse,
  reminderSendBody,
  reminderSendResponse,
} from './schemas.js';

export function notificationRoutes(
  app: FastifyInstance,
  deps: {
    config: Config;
    notifications: Notifications;
    bookings: BookingsService;
    verifyInbound: InboundVerifier;
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const devMailbox = !deps.config.smtpUrl && deps.config.env !== 'production';

  r.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags: ['development'],
        summary: 'Whether this server keeps a development mailbox (no SMTP, not production)',
        response: { 200: mailboxEnabledResponse },
      },
    },
    async () => ({ enabled: devMailbox }),
  );

  r.get(
    '/api/dev/outbox',
    {
      schema: {
        tags: ['development'],
        summary:
          'Every queued e-mail of every account (only without SMTP, outside production, and to requests from this machine)',
        querystring: mailboxQuery,
        response: { 200: mailboxResponse, ...errorAnswers(403, 404) },
      },
    },
    async (req) => {
      if (!devMailbox) throw notFound('The development mailbox');
      if (!isLocalRequest(req))
        throw forbidden(
          'loopback_only',
          'The development mailbox holds every account’s mail, so it answers only on this machine. Signed-in hosts see their own mail in the dashboard.',
        );
      return { messages: await deps.notifications.devOutbox(req.query.to) };
    },
  );

  r.get(
    '/api/notifications/mailbox',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['development'],
        summary:
          'The development mailbox of your organization: its queued e-mails with bodies (no SMTP, not production)',
        querystring: mailboxQuery,
        response: { 200: mailboxResponse, ...errorAnswers(404) },
      },
    },
    async (req) => {
      if (!devMailbox) throw notFound('The development mailbox');
      return { messages: await deps.notifications.mailbox(requirePrincipal(req), req.query.to) };
    },
  );

  r.get(
    '/api/notifications/messages',
    {
      preHandler: app.requireAuth,
      schema: {
        tags: ['notifications'],
        summary:
          'E-mails of your organization and their delivery state; status=dead lists those that gave up, status=superseded those a newer message about the same booking replaced (left out otherwise)',
        querystring: messageLogQuery,
        response: { 200: messageLogResponse },
      },
    },
    async (req) => ({ messages: await deps.notifications.messages(requirePrincipal(req), req.query.status) }),
  );

  r.get(
    '/api/meetings/bookings/:uid/ics',
    {
      schema: {
        tags: ['bookings'],
        summary:
          'The booking as an iCalendar file to add to a calendar (METHOD:PUBLISH; STATUS:CANCELLED once cancelled)',
        params: icsParams,
        querystring: icsQuery,
      },
    },
    async (req, reply) => {
      const ics = await deps.bookings.icsForInvitee(req.params.uid, req.query.token);
      const method = /METHOD:(\w+)/.exec(ics)?.[1] ?? 'REQUEST';
      return reply
        .header('content-type', `text/calendar; charset=utf-8; method=${method}`)
        .header('content-disposition', `attachment; filename="meeting-${req.params.uid}.ics"`)
        .header('cache-control', 'no-store')
        .send(ics);
    },
  );

  // The brief's QStash-style endpoints: an external scheduler may drive reminders with signed calls.
  void app.register(async (scope) => {
    keepRawJson(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/meetings/reminders/send',
      {
        schema: {
          tags: ['inbound webhooks'],
          summary: 'Send one due reminder now. Signed with Standard Webhooks headers; body {"reminderId": uuid}',
          response: { 200: reminderSendResponse, ...errorAnswers(401) },
        },
      },
      async (req) => {
        const parsed = reminderSendBody.safeParse(await deps.verifyInbound(req));
        if (!parsed.success) throw invalid({ reminderId: 'Give the id of a reminder.' });
        return { sent: await deps.bookings.sendReminder(parsed.data.reminderId) };
      },
    );
  });
}
