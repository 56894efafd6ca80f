// Serves the built web client at `/`, with every non-API path falling back to index.html.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

export default fp(async function clientPlugin(app: FastifyInstance, options: { dist: string }) {
  if (!existsSync(`${options.dist}/index.html`)) {
    app.log.warn({ dist: options.dist }, 'web client not built: serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root: options.dist, wildcard: false, index: 'index.html' });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
});
