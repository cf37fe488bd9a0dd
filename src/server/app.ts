import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { DbHandle } from '../db/client.js';
import { configureValidationMessages } from '../lib/validation.js';
import { analyticsRoutes } from '../modules/analytics/routes.js';
import { accountRoutes } from '../modules/identity/accounts.routes.js';
import { onboardingRoutes } from '../modules/identity/onboarding.routes.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { bookingRoutes } from '../modules/scheduling/bookings.routes.js';
import { schedulingRoutes } from '../modules/scheduling/routes.js';
import { scheduleRoutes } from '../modules/scheduling/schedules.routes.js';
import { slotStreamRoutes } from '../modules/scheduling/slot-stream.routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { integrationRoutes } from '../modules/video/routes.js';
import { webhookRoutes } from '../modules/webhooks/routes.js';
import { workflowRoutes } from '../modules/workflows/routes.js';
import type { Config } from './config.js';
import { defaultWebRoot } from './paths.js';
import { registerAuth } from './plugins/auth.js';
import { declareErrorResponses } from './plugins/error-responses.js';
import { registerErrorHandling } from './plugins/errors.js';
import { healthRoute } from './plugins/health.js';
import { rejectNulBytes } from './plugins/nul-bytes.js';
import { openApiRoute, registerOpenApi } from './plugins/openapi.js';
import { registerRateLimiting } from './plugins/rate-limit.js';
import { registerSecurity } from './plugins/security.js';
import { registerWebApp } from './plugins/web.js';
import type { Services } from './services.js';
import { trustProxyOption } from './trust-proxy.js';

export type AppDeps = {
  config: Config;
  db: DbHandle;
  redis?: Redis | undefined;
  services: Services;
  /** Where the built React app lives; defaults to dist/web of this checkout. */
  webRoot?: string;
};

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
/**
 * Every schema is zod. Given as the compiler builders rather than set with setValidatorCompiler afterwards (which
 * installs these same builders), Fastify does not load its default compilers, Ajv and fast-json-stringify, that
 * would never be used: they were most of the time building the app took. Fastify types the builders for those
 * two, hence the cast.
 */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as CompilersFactory;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  configureValidationMessages();
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // A client trickling its headers or body must not hold a connection for long. Node checks the deadline
    // every connectionsCheckingInterval (30 s by default, longer than a short deadline itself).
    requestTimeout: config.requestTimeoutMs,
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs),
    },
    // Open event streams never go idle; closing must not wait for every browser to leave.
    forceCloseConnections: true,
    schemaController: { compilersFactory: zodCompilers },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const { services } = deps;
  registerErrorHandling(app);
  rejectNulBytes(app);
  // JSON answers (a month of slots) shrink several times; brotli at a low quality keeps this hot path cheap.
  // Precompressed assets already carry Content-Encoding and are left alone; the slot stream is hijacked, so
  // it is never buffered for compression.
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    globalDecompression: false,
  });
  await registerSecurity(app, config, services.identity);
  await registerRateLimiting(app, deps.redis);
  await registerOpenApi(app);
  declareErrorResponses(app);

  registerAuth(app, services.identity);

  healthRoute(app, db);
  openApiRoute(app);
  identityRoutes(app, { identity: services.identity, onboarding: services.onboarding }, config);
  onboardingRoutes(app, services.onboarding);
  accountRoutes(app, { identity: services.identity, accounts: services.accounts }, config);
  schedulingRoutes(app, services);
  slotStreamRoutes(app, services);
  scheduleRoutes(app, services.schedules);
  bookingRoutes(app, services.bookings, {
    perBookingPerHour: config.inviteeChangesPerBookingPerHour,
    perIpPerHour: config.inviteeChangesPerIpPerHour,
  });
  notificationRoutes(app, {
    config,
    notifications: services.notifications,
    bookings: services.bookings,
    verifyInbound: services.verifyInbound,
  });
  webhookRoutes(app, services.webhooks);
  integrationRoutes(app, services.integrations);
  analyticsRoutes(app, services.analytics, services.identity.timeZoneOf);
  workflowRoutes(app, { workflows: services.workflows, verifyInbound: services.verifyInbound });
  await registerWebApp(app, deps.webRoot ?? defaultWebRoot());
  return app;
}
