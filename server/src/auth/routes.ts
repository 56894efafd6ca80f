import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountUnderAttackSchema, changePasswordBody, loginBody, meSchema, refreshBody, tokenPairSchema } from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import type { Config } from '../config.ts';
import * as auth from './service.ts';

const noContent = { 204: z.null().describe('Fatto') };

interface AuthRouteOptions {
  deps: auth.AuthDeps;
  loginRateLimit: Config['loginRateLimit'];
}

const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { deps, loginRateLimit }) => {
  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Accesso con nome utente e password', body: loginBody, response: { 200: tokenPairSchema } },
    handler: (request) => auth.login(deps, request.body.username, request.body.password, request.ip),
  });

  app.get('/api/auth/accounts-under-attack', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['auth'],
      summary: "Account con molti accessi non riusciti nell'ultima ora",
      response: { 200: z.array(accountUnderAttackSchema) },
    },
    handler: () => auth.accountsUnderAttack(deps.db, loginRateLimit.perAccount),
  });

  app.post('/api/auth/refresh', {
    config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Nuova coppia di token; il refresh token usato smette di valere',
      body: refreshBody,
      response: { 200: tokenPairSchema },
    },
    handler: (request) => auth.refresh(deps, request.body.refreshToken, request.ip),
  });

  app.post('/api/auth/logout', {
    config: { roles: ALL_ROLES, beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'Termina la sessione corrente', response: noContent },
    handler: (request, reply) => {
      auth.logout(deps, actorOf(request));
      reply.code(204);
      return null;
    },
  });

  app.post('/api/auth/password', {
    config: { roles: ALL_ROLES, beforePasswordChange: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Cambia la propria password; termina le altre sessioni',
      body: changePasswordBody,
      response: noContent,
    },
    handler: async (request, reply) => {
      await auth.changePassword(deps, actorOf(request), request.body.currentPassword, request.body.newPassword);
      reply.code(204);
      return null;
    },
  });

  app.get('/api/me', {
    config: { roles: ALL_ROLES, beforePasswordChange: true },
    schema: { tags: ['auth'], summary: "L'utente collegato, con ruolo e ambito", response: { 200: meSchema } },
    handler: (request) => {
      const { sessionId: _session, ...me } = actorOf(request).user;
      return me;
    },
  });
};

export default authRoutes;
