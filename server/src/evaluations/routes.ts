import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createEvaluationBody, evaluationSchema, idParams } from '@bds/shared';
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
};

export default evaluationRoutes;
