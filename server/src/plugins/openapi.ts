// The OpenAPI document, generated from the same zod schemas that validate requests.
import fp from 'fastify-plugin';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default fp(async function openapiPlugin(app: FastifyInstance, options: { version: string }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Budget di Salute – DSM-DP AUSL di Bologna',
        description: 'API dei progetti PTRI con Budget di Salute: persone, progetti, valutazioni UVM, interventi, report.',
        version: options.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would load an image from validator.swagger.io, outside the CSP and the intranet.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null },
    // Swagger UI applies inline styles; only its own pages get them, the app keeps style-src 'self'.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  app.get('/api/openapi.json', {
    config: { public: true },
    schema: { hide: true, response: { 200: z.unknown() } },
    handler: () => app.swagger(),
  });
});
