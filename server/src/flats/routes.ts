import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  endStayBody,
  flatBody,
  flatDetailSchema,
  flatInterventionBody,
  flatInterventionSchema,
  flatInterventionUpdateBody,
  flatInterventionsQuery,
  flatInterventionsReply,
  flatSchema,
  flatsQuery,
  flatsReply,
  flatUpdateBody,
  idParams,
  rolesWith,
  projectStaysReply,
  staySchema,
  stayBody,
  stayUpdateBody,
} from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import * as flats from './service.ts';
import * as work from './work.ts';
import { durableWrite } from '../audit/group-commit.ts';

const tags = ['flats'];

const flatRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/flats', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Appartamenti di convivenza (Lotto 3) con i posti liberi oggi; la cooperativa vede i propri',
      querystring: flatsQuery,
      response: { 200: flatsReply },
    },
    handler: (request) => flats.listFlats(app.db, actorOf(request), request.query),
  });

  app.post('/api/flats', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Nuovo appartamento', body: flatBody, response: { 201: flatSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return flats.saveFlat(app.db, actorOf(request), request.body);
    },
  });

  app.patch('/api/flats/:id', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Modifica un appartamento', params: idParams, body: flatUpdateBody, response: { 200: flatSchema } },
    handler: (request) => flats.saveFlat(app.db, actorOf(request), request.body, request.params.id),
  });

  app.get('/api/flats/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "L'appartamento con le permanenze; il nome della persona solo a chi può vederla",
      params: idParams,
      response: { 200: flatDetailSchema },
    },
    handler: (request) => flats.getFlat(app.db, actorOf(request), request.params.id),
  });

  app.post('/api/flats/:id/stays', {
    config: { roles: ['admin', 'case_manager'] },
    schema: {
      tags,
      summary: "Inserisce una persona con progetto attivo del Lotto 3 nell'appartamento per un periodo",
      params: idParams,
      body: stayBody,
      response: { 201: staySchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return flats.createStay(app.db, actorOf(request), request.params.id, request.body);
    },
  });

  app.post('/api/stays/:id/end', {
    config: { roles: ['admin', 'case_manager'] },
    schema: {
      tags,
      summary: "Conclude una permanenza con la data e la destinazione all'uscita",
      params: idParams,
      body: endStayBody,
      response: { 200: staySchema },
    },
    handler: (request) => flats.endStayOf(app.db, actorOf(request), request.params.id, request.body),
  });

  app.patch('/api/stays/:id', {
    config: { roles: ['admin', 'case_manager'] },
    schema: {
      tags,
      summary: 'Corregge le date di una permanenza, con le stesse regole di una nuova',
      params: idParams,
      body: stayUpdateBody,
      response: { 200: staySchema },
    },
    handler: (request) => flats.changeStay(app.db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/stays/:id', {
    config: { roles: ['admin', 'case_manager'] },
    schema: {
      tags,
      summary: 'Annulla una permanenza registrata per errore (resta nel registro accessi)',
      params: idParams,
      response: { 204: z.null() },
    },
    handler: (request, reply) => {
      flats.cancelStay(app.db, actorOf(request), request.params.id);
      reply.code(204);
      return null;
    },
  });

  app.post('/api/flats/:id/interventions', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: "Ore per l'appartamento nel suo insieme (asse casa), nella parte «appartamenti» del mese",
      params: idParams,
      body: flatInterventionBody,
      response: { 201: flatInterventionSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return durableWrite(app.db, () => work.recordFlatIntervention(app.db, actorOf(request), request.params.id, request.body));
    },
  });

  app.get('/api/flats/:id/interventions', {
    config: { roles: ['admin', 'manager', 'cooperative'] },
    schema: {
      tags,
      summary: "Le ore per l'appartamento di un mese",
      params: idParams,
      querystring: flatInterventionsQuery,
      response: { 200: flatInterventionsReply },
    },
    handler: (request) => work.listFlatInterventions(app.db, actorOf(request), request.params.id, request.query.month),
  });

  app.patch('/api/flat-interventions/:id', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: "Corregge le ore per l'appartamento di un mese aperto o restituito",
      params: idParams,
      body: flatInterventionUpdateBody,
      response: { 200: flatInterventionSchema },
    },
    handler: (request) => work.updateFlatIntervention(app.db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/flat-interventions/:id', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: "Elimina ore per l'appartamento di un mese aperto o restituito (resta nel registro accessi)",
      params: idParams,
      response: { 204: z.null() },
    },
    handler: (request, reply) => {
      work.deleteFlatIntervention(app.db, actorOf(request), request.params.id);
      reply.code(204);
      return null;
    },
  });

  app.get('/api/ptris/:id/stays', {
    config: { roles: rolesWith('readProjectPlacements') },
    schema: {
      tags,
      summary: 'Le permanenze in appartamento del progetto',
      params: idParams,
      response: { 200: projectStaysReply },
    },
    handler: (request) => flats.staysOfProject(app.db, actorOf(request), request.params.id),
  });
};

export default flatRoutes;
