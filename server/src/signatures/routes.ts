import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, rolesWith, signatureBody, signatureSchema } from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import * as signatures from './service.ts';

const tags = ['ptri'];

const signatureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris/:id/signatures', {
    config: { roles: rolesWith('recordSignatures') },
    schema: {
      tags,
      summary: 'Registra una firma della revisione corrente del progetto (409 per ogni altra revisione)',
      params: idParams,
      body: signatureBody,
      response: { 201: signatureSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return signatures.recordSignature(app.db, actorOf(request), request.params.id, request.body);
    },
  });

  app.get('/api/ptris/:id/signatures', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Le firme di ogni revisione del progetto, dalla più recente',
      params: idParams,
      response: { 200: z.array(signatureSchema) },
    },
    handler: (request) => signatures.listSignatures(app.db, actorOf(request), request.params.id),
  });
};

export default signatureRoutes;
