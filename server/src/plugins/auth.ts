// Authentication and role checks. Every /api route declares who may call it in its config
// (`roles`, or `public: true`); a route that declares neither refuses to register.
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES, type Role } from '@bds/shared';
import type { Actor, Principal } from '../auth/principal.ts';
import { sessionPrincipal } from '../auth/queries.ts';
import { Forbidden, Unauthorized } from '../errors.ts';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route. */
    roles?: readonly Role[];
    /** Reachable without signing in (login, health, OpenAPI). */
    public?: boolean;
    /** Reachable with a temporary password that must still be changed (me, password change, logout). */
    beforePasswordChange?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every /api route with who may call it, as registered: for the OpenAPI and access-matrix tests. */
    apiRoutes: ApiRoute[];
  }
}

export interface ApiRoute {
  method: string;
  url: string;
  roles: readonly Role[] | 'public';
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; sid: string };
  }
}

export const ALL_ROLES: readonly Role[] = ROLES;

/** The signed-in caller of a protected route (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.principal) throw new Unauthorized();
  const { clock } = request.server;
  return { user: request.principal, ip: request.ip, today: clock.today(), now: clock.now().toISOString() };
}

/**
 * Every token this server signs expires one access-token lifetime after it was signed: one with
 * no expiry, or a later one, was not signed by this server's rules (a leaked secret, an old build)
 * and would outlive every revocation of its session's access.
 */
function expiresWithinLifetime(payload: object, lifetimeSeconds: number): boolean {
  const exp = 'exp' in payload ? payload.exp : undefined;
  return typeof exp === 'number' && exp <= Math.floor(Date.now() / 1000) + lifetimeSeconds;
}

/**
 * The token of an `Authorization: Bearer <token>` header, read as @fastify/jwt's request.jwtVerify
 * reads it; verified directly with the one verifier, without that method's per-request option merging,
 * second decoding and callback chain.
 */
function bearerToken(header: string | undefined): string {
  const parts = header && /^Bearer\s/i.test(header) ? header.split(' ') : [];
  if (parts.length !== 2 || !parts[1]) throw new Unauthorized();
  return parts[1];
}

export default fp(async function authPlugin(app: FastifyInstance, options: { config: Config }) {
  const { accessTokenSeconds } = options.config;
  await app.register(fastifyJwt, {
    secret: options.config.jwtSecret,
    sign: { expiresIn: accessTokenSeconds, algorithm: 'HS256' },
    // Verified tokens are cached by fast-jwt until their expiry (signature check once per token,
    // not per request); the session is still looked up on every request, so revocation is immediate.
    verify: { algorithms: ['HS256'], cache: 10_000 },
  });
  app.decorateRequest('principal', null);
  app.decorate('apiRoutes', [] as ApiRoute[]);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const config = route.config as { roles?: readonly Role[]; public?: boolean } | undefined;
    if (!config?.public && !config?.roles) {
      throw new Error(`Route ${route.method} ${route.url} declares neither roles nor public`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, roles: config.public ? 'public' : config.roles! });
    }
  });

  const authenticate = (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    if (config.public || !config.roles) return;
    let payload: { sub: string; sid: string };
    try {
      payload = app.jwt.verify(bearerToken(request.headers.authorization));
    } catch {
      throw new Unauthorized('Accesso scaduto o non valido: accedi di nuovo');
    }
    if (!expiresWithinLifetime(payload, accessTokenSeconds)) throw new Unauthorized('Accesso scaduto o non valido: accedi di nuovo');
    const userId = Number(payload.sub);
    const principal =
      Number.isSafeInteger(userId) && typeof payload.sid === 'string'
        ? sessionPrincipal(app.db, payload.sid, userId, new Date().toISOString())
        : undefined;
    if (!principal) throw new Unauthorized('Sessione terminata: accedi di nuovo');
    request.principal = principal;
    if (!config.roles.includes(principal.role)) throw new Forbidden();
    if (principal.mustChangePassword && !config.beforePasswordChange) {
      throw new Forbidden('Password temporanea: scegli una nuova password prima di continuare');
    }
  };
  // A callback hook: everything here is synchronous, and an async one costs a promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      authenticate(request);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
});
