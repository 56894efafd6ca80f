// Browser-facing protections registered once: security headers with a Content-Security-Policy
// the web client runs under, CORS only for configured origins, and the rate limiter.
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

/**
 * The headers helmet sets, computed once: with no per-request directive (no nonce) they are the
 * same on every answer, and building them took a few percent of every request's time.
 */
function securityHeaders(): [string, string][] {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    referrerPolicy: { policy: 'no-referrer' },
  })({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return [...headers];
}

/** How long to wait, in words (the rate limiter's own `after` is English: "47 seconds"). */
export function waitInItalian(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 secondo' : `${seconds} secondi`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuto' : `${minutes} minuti`;
}

export default fp(async function securityPlugin(app: FastifyInstance, options: { config: Config }) {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  if (options.config.corsOrigins.length > 0) {
    await app.register(cors, { origin: options.config.corsOrigins, methods: ['GET', 'POST', 'PATCH'], credentials: false, maxAge: 600 });
  }
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Troppi tentativi da questo indirizzo: riprova tra ${waitInItalian(context.ttl)}`), {
        statusCode: context.statusCode,
      }),
  });
});
