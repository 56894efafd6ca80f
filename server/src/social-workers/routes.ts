import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listReply, socialWorkerSchema, socialWorkersQuery } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as socialWorkers from './service.ts';

const socialWorkerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/social-workers', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm'] },
    schema: {
      tags: ['users'],
      summary: 'Gli assistenti sociali attivi di un distretto (nome e id), da indicare tra i membri UVM',
      querystring: socialWorkersQuery,
      response: { 200: listReply(socialWorkerSchema) },
    },
    handler: (request) => socialWorkers.listSocialWorkers(app.db, actorOf(request), request.query),
  });
};

export default socialWorkerRoutes;
