import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cooperativeBody,
  cooperativeSchema,
  cooperativeUpdateBody,
  districtBody,
  districtSchema,
  districtUpdateBody,
  idParams,
  lotBody,
  lotSchema,
  lotUpdateBody,
  serviceBody,
  serviceSchema,
  serviceUpdateBody,
} from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import * as reference from './service.ts';

const ADMIN = { roles: ['admin'] as const };
const tags = ['reference'];

const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/districts', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Distretti', response: { 200: z.array(districtSchema) } },
    handler: () => reference.listDistricts(app.db),
  });
  app.post('/api/districts', {
    config: ADMIN,
    schema: { tags, summary: 'Nuovo distretto', body: districtBody, response: { 201: districtSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return reference.saveDistrict(app.db, actorOf(request), request.body);
    },
  });
  app.patch('/api/districts/:id', {
    config: ADMIN,
    schema: { tags, summary: 'Modifica un distretto', params: idParams, body: districtUpdateBody, response: { 200: districtSchema } },
    handler: (request) => reference.saveDistrict(app.db, actorOf(request), request.body, request.params.id),
  });

  app.get('/api/services', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Servizi (CSM, NPIA, SerDP) con i nomi storici', response: { 200: z.array(serviceSchema) } },
    handler: () => reference.listServices(app.db),
  });
  app.post('/api/services', {
    config: ADMIN,
    schema: { tags, summary: 'Nuovo servizio', body: serviceBody, response: { 201: serviceSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return reference.saveService(app.db, actorOf(request), request.body);
    },
  });
  app.patch('/api/services/:id', {
    config: ADMIN,
    schema: { tags, summary: 'Modifica un servizio', params: idParams, body: serviceUpdateBody, response: { 200: serviceSchema } },
    handler: (request) => reference.saveService(app.db, actorOf(request), request.body, request.params.id),
  });

  app.get('/api/cooperatives', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Cooperative sociali', response: { 200: z.array(cooperativeSchema) } },
    handler: () => reference.listCooperatives(app.db),
  });
  app.post('/api/cooperatives', {
    config: ADMIN,
    schema: { tags, summary: 'Registra una cooperativa', body: cooperativeBody, response: { 201: cooperativeSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return reference.saveCooperative(app.db, actorOf(request), request.body);
    },
  });
  app.patch('/api/cooperatives/:id', {
    config: ADMIN,
    schema: {
      tags,
      summary: 'Modifica una cooperativa',
      params: idParams,
      body: cooperativeUpdateBody,
      response: { 200: cooperativeSchema },
    },
    handler: (request) => reference.saveCooperative(app.db, actorOf(request), request.body, request.params.id),
  });

  app.get('/api/lots', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "Lotti dell'accordo quadro", response: { 200: z.array(lotSchema) } },
    handler: () => reference.listLots(app.db),
  });
  app.post('/api/lots', {
    config: ADMIN,
    schema: { tags, summary: 'Nuovo lotto', body: lotBody, response: { 201: lotSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return reference.saveLot(app.db, actorOf(request), request.body);
    },
  });
  app.patch('/api/lots/:id', {
    config: ADMIN,
    schema: { tags, summary: 'Modifica un lotto', params: idParams, body: lotUpdateBody, response: { 200: lotSchema } },
    handler: (request) => reference.saveLot(app.db, actorOf(request), request.body, request.params.id),
  });
};

export default referenceRoutes;
