import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** Registers the OpenAPI generator; call before routes so every route is collected. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TuskHub Meetings API',
        version: '0.1.0',
        description:
          'Scheduling API. Errors are {"error":{"code","message","details"}}. Authenticate with the session cookie ' +
          '(writes then need the x-csrf-token header from GET /api/auth/csrf) or with Authorization: Bearer <api key>.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created at POST /api/api-keys' },
          session: { type: 'apiKey', in: 'cookie', name: 'tuskhub_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (the error answer) become components that routes reference.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

export function openApiRoute(app: FastifyInstance) {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
