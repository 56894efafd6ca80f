// The list of activities per axis: everyone who records or reads interventions sees it, the admin edits it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema } from '@bds/db';
import { activityBody, activitySchema, activityUpdateBody, idParams } from '@bds/shared';
import { ALL_ROLES } from '../plugins/auth.ts';
import { Conflict, NotFound } from '../errors.ts';

const tags = ['interventions'];
const { activities } = schema;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/activities', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Attività previste per asse', response: { 200: z.array(activitySchema) } },
    handler: () => app.db.select().from(activities).orderBy(asc(activities.axis), asc(activities.label)).all(),
  });

  app.post('/api/activities', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Aggiunge un\'attività', body: activityBody, response: { 201: activitySchema } },
    handler: (request, reply) => {
      try {
        const row = app.db.insert(activities).values(request.body).returning().get();
        reply.code(201);
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('Attività già presente per questo asse');
        throw error;
      }
    },
  });

  app.patch('/api/activities/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Rinomina o ritira un\'attività', params: idParams, body: activityUpdateBody, response: { 200: activitySchema } },
    handler: (request) => {
      try {
        const row = app.db.update(activities).set(request.body).where(eq(activities.id, request.params.id)).returning().get();
        if (!row) throw new NotFound('Attività non trovata');
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new Conflict('Attività già presente per questo asse');
        throw error;
      }
    },
  });
};

export default activityRoutes;
