// Serves the built web client at `/`, with every non-API path falling back to index.html.
// Files go out precompressed (the build writes .br and .gz beside them, client/build/precompress.ts);
// fingerprinted assets are cached for a year, index.html is revalidated every time so a new
// release is picked up at once.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Vite names a built asset `name-<hash>.ext`: its content never changes under that name. */
const FINGERPRINTED = /-[\w-]{8,}\.\w+$/;

function cacheHeaders(response: { setHeader(name: string, value: string): unknown }, path: string) {
  response.setHeader('vary', 'accept-encoding');
  const immutable = path.includes('/assets/') && FINGERPRINTED.test(basename(path).replace(/\.(br|gz)$/, ''));
  response.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export default fp(async function clientPlugin(app: FastifyInstance, options: { dist: string }) {
  if (!existsSync(`${options.dist}/index.html`)) {
    app.log.warn({ dist: options.dist }, 'web client not built: serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: options.dist,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: cacheHeaders,
  });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
});
