import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { benefitSchema, benefitsBody, idParams, rolesWith } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as benefits from './service.ts';

const tags = ['persons'];

const benefitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/persons/:id/benefits', {
    config: { roles: rolesWith('readBenefits') },
    schema: {
      tags,
      summary: 'Pensioni, indennità e sostegni al reddito della persona',
      params: idParams,
      response: { 200: z.array(benefitSchema) },
    },
    handler: (request) => benefits.readBenefits(app.db, actorOf(request), request.params.id),
  });

  app.put('/api/persons/:id/benefits', {
    config: { roles: rolesWith('recordBenefits') },
    schema: {
      tags,
      summary: "Sostituisce l'elenco di pensioni, indennità e sostegni al reddito della persona",
      params: idParams,
      body: benefitsBody,
      response: { 200: z.array(benefitSchema) },
    },
    handler: (request) => benefits.replaceBenefits(app.db, actorOf(request), request.params.id, request.body),
  });
};

export default benefitRoutes;
