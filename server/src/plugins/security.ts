// Browser-facing protections registered once: security headers with a Content-Security-Policy
// the web client runs under, CORS only for configured origins, and the rate limiter.
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

/**
 * The client is a Vite build: module scripts and styles from the same origin, no inline
 * scripts, no inline styles (React sets `style` through the CSSOM, which CSP does not block).
 * No upgrade-insecure-requests: TLS is terminated by the department's reverse proxy, and on
 * a plain-HTTP intranet address the directive would break every asset.
 */
export const APP_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export default fp(async function securityPlugin(app: FastifyInstance, options: { config: Config }) {
  // helmet's middleware is built once: @fastify/helmet rebuilt it (and reparsed the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  if (options.config.corsOrigins.length > 0) {
    await app.register(cors, { origin: options.config.corsOrigins, methods: ['GET', 'POST', 'PATCH'], credentials: false, maxAge: 600 });
  }
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Troppi tentativi: riprova tra ${context.after}`), { statusCode: context.statusCode }),
  });
});
