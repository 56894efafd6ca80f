import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createEvaluationBody,
  evaluationSchema,
  idParams,
  listReply,
  memberEvaluationSchema,
  memberEvaluationsQuery,
  rolesWith,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as evaluations from './service.ts';

const tags = ['evaluations'];

const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris/:id/evaluations', {
    config: { roles: ['uvm', 'admin'] },
    schema: {
      tags,
      summary: 'Registra una valutazione UVM',
      params: idParams,
      body: createEvaluationBody,
      response: { 201: evaluationSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return evaluations.recordEvaluation(app.db, actorOf(request), request.params.id, request.body);
    },
  });

  app.get('/api/ptris/:id/evaluations', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'] },
    schema: { tags, summary: 'Le valutazioni UVM di un progetto', params: idParams, response: { 200: z.array(evaluationSchema) } },
    handler: (request) => evaluations.listEvaluations(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/me/evaluations', {
    config: { roles: rolesWith('sitOnUvm') },
    schema: {
      tags,
      summary: "Le valutazioni UVM a cui l'assistente sociale ha partecipato come membro, con l'esito",
      querystring: memberEvaluationsQuery,
      response: { 200: listReply(memberEvaluationSchema) },
    },
    handler: (request) => evaluations.evaluationsOfMember(app.db, actorOf(request), request.query),
  });
};

export default evaluationRoutes;
