// Authentication and role checks. Every /api route declares who may call it in its config
// (`roles`, or `public: true`); a route that declares neither refuses to register.
import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@bds/shared';
import type { Actor, Principal } from '../auth/principal.ts';
import { activeSession } from '../auth/queries.ts';
import { toPrincipal } from '../auth/service.ts';
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

export const ALL_ROLES: readonly Role[] = ['admin', 'manager', 'case_manager', 'uvm', 'cooperative'];

/** The signed-in caller of a protected route (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.principal) throw new Unauthorized();
  return { user: request.principal, ip: request.ip };
}

export default fp(async function authPlugin(app: FastifyInstance, options: { config: Config }) {
  await app.register(fastifyJwt, {
    secret: options.config.jwtSecret,
    sign: { expiresIn: options.config.accessTokenSeconds, algorithm: 'HS256' },
    verify: { algorithms: ['HS256'] },
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

  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public || !config.roles) return;
    let payload: { sub: string; sid: string };
    try {
      payload = await request.jwtVerify();
    } catch {
      throw new Unauthorized('Accesso scaduto o non valido: accedi di nuovo');
    }
    const live = activeSession(app.db, payload.sid, new Date().toISOString());
    if (!live || String(live.user.id) !== payload.sub) throw new Unauthorized('Sessione terminata: accedi di nuovo');
    request.principal = toPrincipal(live.user, live.session.id);
    if (!config.roles.includes(live.user.role)) throw new Forbidden();
    if (live.user.mustChangePassword && !config.beforePasswordChange) {
      throw new Forbidden('Password temporanea: scegli una nuova password prima di continuare');
    }
  });
});
