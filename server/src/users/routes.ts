import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUserBody, cursorSchema, idParams, limitSchema, listReply, passwordResetBody, updateUserBody, userSchema } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as users from './service.ts';

const ADMIN = { roles: ['admin'] as const };
const tags = ['users'];

const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    config: ADMIN,
    schema: {
      tags,
      summary: 'Account',
      querystring: z.strictObject({ limit: limitSchema, cursor: cursorSchema }),
      response: { 200: listReply(userSchema) },
    },
    handler: (request) => users.listUsers(app.db, actorOf(request), request.query.limit, request.query.cursor),
  });
  app.post('/api/users', {
    config: ADMIN,
    schema: {
      tags,
      summary: 'Nuovo account (dovrà cambiare la password al primo accesso)',
      body: createUserBody,
      response: { 201: userSchema },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return await users.createUser(app.db, actorOf(request), request.body);
    },
  });
  app.patch('/api/users/:id', {
    config: ADMIN,
    schema: {
      tags,
      summary: "Modifica ruolo, ambito o stato (termina le sessioni se cambia l'accesso)",
      params: idParams,
      body: updateUserBody,
      response: { 200: userSchema },
    },
    handler: (request) => users.updateUser(app.db, actorOf(request), request.params.id, request.body),
  });
  app.post('/api/users/:id/password-reset', {
    config: ADMIN,
    schema: {
      tags,
      summary: 'Imposta una password temporanea da cambiare al primo accesso',
      params: idParams,
      body: passwordResetBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await users.resetPassword(app.db, actorOf(request), request.params.id, request.body.temporaryPassword);
      reply.code(204);
      return null;
    },
  });
};

export default userRoutes;
