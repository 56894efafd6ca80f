import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, scaleBody, scaleSchema, scaleUpdateBody } from '@bds/shared';
import * as scales from './scales.ts';

const tags = ['evaluations'];

const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/scales', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm'] },
    schema: { tags, summary: 'Scale di valutazione (item e etichette brevi, senza descrittori)', response: { 200: z.array(scaleSchema) } },
    handler: () => scales.allScales(app.db),
  });

  app.post('/api/scales', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Aggiunge una scala (es. PSP, CANSAS)', body: scaleBody, response: { 201: scaleSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return scales.createScale(app.db, request.body);
    },
  });

  app.patch('/api/scales/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags,
      summary: 'Rinomina una scala, le etichette dei suoi item, o la ritira',
      params: idParams,
      body: scaleUpdateBody,
      response: { 200: scaleSchema },
    },
    handler: (request) => scales.updateScale(app.db, request.params.id, request.body),
  });
};

export default scaleRoutes;
