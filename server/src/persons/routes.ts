import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPersonBody, idParams, listReply, personDetailSchema, personListQuery, personSchema, takeInCareBody } from '@bds/shared';
import { sendJsonText } from '../sql-json.ts';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import * as persons from './service.ts';
import { personRecord } from './record.ts';
import { z } from 'zod';

const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/persons', {
    config: { roles: ['case_manager', 'admin'] },
    schema: {
      tags: ['persons'],
      summary: 'Registra una persona nuova (409 con personId se il codice fiscale è già registrato)',
      body: createPersonBody,
      response: { 201: personSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return persons.registerPerson(app.db, actorOf(request), request.body);
    },
  });

  app.post('/api/persons/:id/take-in-care', {
    config: { roles: ['case_manager'] },
    schema: {
      tags: ['persons'],
      summary: 'Prende in carico nel proprio servizio una persona registrata da un altro servizio, con una motivazione',
      params: idParams,
      body: takeInCareBody,
      response: { 200: personSchema },
    },
    handler: (request) => persons.takeIntoCare(app.db, actorOf(request), request.params.id, request.body.reason),
  });

  app.get('/api/persons', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['persons'],
      summary: 'Cerca per nome o codice fiscale, nel proprio ambito',
      querystring: personListQuery,
      response: { 200: listReply(personSchema) },
    },
    handler: async (request, reply) => sendJsonText(reply, await persons.searchPersons(app.db, actorOf(request), request.query)),
  });

  app.get('/api/persons/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['persons'], summary: 'Una persona con i suoi progetti', params: idParams, response: { 200: personDetailSchema } },
    handler: (request) => persons.readPerson(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/persons/:id/record', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['persons'],
      summary: 'Tutto ciò che è conservato su una persona (art. 15 GDPR), come file JSON',
      params: idParams,
      response: { 200: z.record(z.string(), z.unknown()) },
    },
    handler: (request, reply) => {
      const record = personRecord(app.db, actorOf(request), request.params.id);
      reply.header('Content-Disposition', `attachment; filename="persona-${request.params.id}-dati.json"`);
      return record;
    },
  });
};

export default personRoutes;
