import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createInterventionBody,
  idParams,
  interventionListQuery,
  interventionSchema,
  listReply,
  updateInterventionBody,
  monthParams,
  uploadReply,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { Invalid } from '../errors.ts';
import * as interventions from './service.ts';
import { uploadMonth } from './upload.ts';
import { monthTemplate } from './template.ts';
import { sendCsv } from '../reports/csv.ts';
import { durableWrite } from '../audit/group-commit.ts';
import { UploadSlots, type UploadLimits } from '../plugins/upload-slots.ts';

const tags = ['interventions'];
const UPLOAD_LIMIT = 6 * 1024 * 1024;

const interventionRoutes: FastifyPluginAsyncZod<{ uploads: UploadLimits }> = async (app, { uploads }) => {
  const uploadSlots = new UploadSlots(uploads);
  // The monthly file arrives as it is; this route group alone reads CSV bodies.
  app.addContentTypeParser(
    ['text/csv', 'application/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post('/api/ptris/:id/interventions', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: 'Registra un intervento sul progetto',
      params: idParams,
      body: createInterventionBody,
      response: { 201: interventionSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return durableWrite(app.db, () => interventions.createIntervention(app.db, actorOf(request), request.params.id, request.body));
    },
  });

  app.get('/api/interventions', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm', 'cooperative'] },
    schema: {
      tags,
      summary: 'Interventi nel proprio ambito',
      querystring: interventionListQuery,
      response: { 200: listReply(interventionSchema) },
    },
    handler: (request) => interventions.listInterventions(app.db, actorOf(request), request.query),
  });

  app.patch('/api/interventions/:id', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: 'Corregge un intervento di un mese aperto o restituito',
      params: idParams,
      body: updateInterventionBody,
      response: { 200: interventionSchema },
    },
    handler: (request) => interventions.updateIntervention(app.db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/interventions/:id', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: 'Elimina un intervento di un mese aperto o restituito (resta nel registro accessi)',
      params: idParams,
      response: { 204: z.null() },
    },
    handler: (request, reply) => {
      interventions.deleteIntervention(app.db, actorOf(request), request.params.id);
      reply.code(204);
      return null;
    },
  });

  app.post('/api/cooperatives/:id/reports/:month/upload', {
    config: { roles: ['cooperative'], bulkWrite: true },
    bodyLimit: UPLOAD_LIMIT,
    preParsing: uploadSlots.acquire,
    onResponse: uploadSlots.release,
    onRequestAbort: uploadSlots.release,
    schema: {
      tags,
      summary:
        'Carica il mese come CSV (text/csv; colonne progetto;data;asse;attivita;ore;ruolo_operatore;note, o i nomi inglesi): tutto o niente',
      params: monthParams,
      response: { 200: uploadReply, 201: uploadReply },
    },
    handler: async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new Invalid('(body)', 'inviare il file come text/csv');
      const { created, reply: body } = await uploadMonth(app.db, actorOf(request), request.params.id, request.params.month, request.body);
      reply.code(created ? 201 : 200);
      return body;
    },
  });

  app.get('/api/cooperatives/:id/reports/:month/template.csv', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: 'Modello CSV del mese: intestazione in italiano e una riga per ogni progetto attivo nel mese (numero PTRI e persona)',
      params: monthParams,
    },
    handler: async (request, reply) => {
      const template = await monthTemplate(app.db, actorOf(request), request.params.id, request.params.month);
      return sendCsv(reply, template.filename, template.header, template.rows);
    },
  });
};

export default interventionRoutes;
