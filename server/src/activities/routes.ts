import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { activityBody, activitySchema, activityUpdateBody, idParams } from '@bds/shared';
import { ALL_ROLES } from '../plugins/auth.ts';
import { addActivity, changeActivity, listActivities } from './service.ts';

const tags = ['interventions'];

const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activities', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Attività previste per asse', response: { 200: z.array(activitySchema) } },
    handler: () => listActivities(app.db),
  });

  app.post('/api/activities', {
    config: { roles: ['admin'] },
    schema: { tags, summary: "Aggiunge un'attività", body: activityBody, response: { 201: activitySchema } },
    handler: (request, reply) => {
      const row = addActivity(app.db, request.body);
      reply.code(201);
      return row;
    },
  });

  app.patch('/api/activities/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags,
      summary: "Rinomina o ritira un'attività",
      params: idParams,
      body: activityUpdateBody,
      response: { 200: activitySchema },
    },
    handler: (request) => changeActivity(app.db, request.params.id, request.body),
  });
};

export default activityRoutes;
