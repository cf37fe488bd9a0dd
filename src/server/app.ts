import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { DbHandle } from '../db/client.js';
import { configureValidationMessages } from '../lib/validation.js';
import { analyticsRoutes } from '../modules/analytics/routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { bookingRoutes } from '../modules/scheduling/bookings.routes.js';
import { schedulingRoutes } from '../modules/scheduling/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { integrationRoutes } from '../modules/video/routes.js';
import { webhookRoutes } from '../modules/webhooks/routes.js';
import { workflowRoutes } from '../modules/workflows/routes.js';
import type { Config } from './config.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { healthRoute } from './plugins/health.js';
import { openApiRoute, registerOpenApi } from './plugins/openapi.js';
import { registerRateLimiting } from './plugins/rate-limit.js';
import { registerSecurity } from './plugins/security.js';
import { registerWebApp } from './plugins/web.js';
import type { Services } from './services.js';

export type AppDeps = {
  config: Config;
  db: DbHandle;
  redis?: Redis | undefined;
  services: Services;
  /** Where the built React app lives; defaults to dist/web of this checkout. */
  webRoot?: string;
};

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  configureValidationMessages();
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: config.trustProxy,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Open event streams never go idle; closing must not wait for every browser to leave.
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurity(app, config);
  await registerRateLimiting(app, deps.redis);
  await registerOpenApi(app);

  const { services } = deps;
  registerAuth(app, services.identity);

  healthRoute(app, db);
  openApiRoute(app);
  identityRoutes(app, services.identity, config);
  schedulingRoutes(app, services);
  bookingRoutes(app, services.bookings);
  notificationRoutes(app, { config, db: db.db, notifications: services.notifications, bookings: services.bookings });
  webhookRoutes(app, services.webhooks);
  integrationRoutes(app, services.integrations);
  analyticsRoutes(app, services.analytics, services.identity.timeZoneOf);
  workflowRoutes(app, { db: db.db, inboundWebhookSecret: config.inboundWebhookSecret });
  await registerWebApp(app, deps.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
