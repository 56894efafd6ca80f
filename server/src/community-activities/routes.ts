import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  communityActivityDetailSchema,
  communityActivityListQuery,
  communityActivitySchema,
  communityReportQuery,
  communityReportReply,
  communitySessionSchema,
  communitySessionsQuery,
  communitySessionsReply,
  createCommunityActivityBody,
  createSessionBody,
  enrolBody,
  enrolmentParams,
  idParams,
  rolesWith,
  listReply,
  projectCommunityActivitySchema,
  updateCommunityActivityBody,
} from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import { sendCsvBatches, wantsCsv } from '../reports/csv.ts';
import { listDistricts } from '../reference/service.ts';
import * as community from './service.ts';
import { COMMUNITY_REPORT_CSV_HEADER, communityActivitiesReport, communityReportCsvBatches } from './report.ts';
import { durableWrite } from '../audit/group-commit.ts';

const tags = ['community-activities'];

const communityActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/community-activities', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Catalogo delle attività di comunità (lotto 4), per distretto e asse',
      querystring: communityActivityListQuery,
      response: { 200: listReply(communityActivitySchema) },
    },
    handler: (request) => community.listCatalogue(app.db, request.query),
  });

  app.post('/api/community-activities', {
    config: { roles: ['cooperative', 'admin'] },
    schema: {
      tags,
      summary: "Crea un'attività di comunità (una cooperativa del lotto 4 le proprie; l'amministratore indica la cooperativa)",
      body: createCommunityActivityBody,
      response: { 201: communityActivitySchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return community.createActivity(app.db, actorOf(request), request.body);
    },
  });

  app.patch('/api/community-activities/:id', {
    config: { roles: ['cooperative', 'admin'] },
    schema: {
      tags,
      summary: "Modifica un'attività di comunità",
      params: idParams,
      body: updateCommunityActivityBody,
      response: { 200: communityActivitySchema },
    },
    handler: (request) => community.changeActivity(app.db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/community-activities/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "Un'attività con le persone iscritte che si possono vedere e i suoi incontri",
      params: idParams,
      response: { 200: communityActivityDetailSchema },
    },
    handler: (request) => community.readActivity(app.db, actorOf(request), request.params.id),
  });

  app.post('/api/community-activities/:id/enrolments', {
    config: { roles: ['case_manager'] },
    schema: {
      tags,
      summary: "Iscrive all'attività una persona con un progetto attivo del proprio servizio",
      params: idParams,
      body: enrolBody,
      response: { 201: z.object({ activityId: z.number().int(), ptriId: z.number().int(), enrolledOn: z.string() }) },
    },
    handler: (request, reply) => {
      reply.code(201);
      return community.enrol(app.db, actorOf(request), request.params.id, request.body.ptriId);
    },
  });

  app.delete('/api/community-activities/:id/enrolments/:ptriId', {
    config: { roles: ['case_manager'] },
    schema: { tags, summary: "Chiude l'iscrizione di una persona all'attività", params: enrolmentParams },
    handler: (request, reply) => {
      community.endEnrolment(app.db, actorOf(request), request.params.id, request.params.ptriId);
      return reply.code(204).send();
    },
  });

  app.post('/api/community-activities/:id/sessions', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: "Registra un incontro dell'attività: presenze delle persone iscritte, numeri degli altri partecipanti e dei volontari",
      params: idParams,
      body: createSessionBody,
      response: { 201: communitySessionSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return durableWrite(app.db, () => community.recordSession(app.db, actorOf(request), request.params.id, request.body));
    },
  });

  app.get('/api/community-activities/:id/sessions', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "Gli incontri dell'attività, dal più recente, pagina per pagina, con il loro numero",
      params: idParams,
      querystring: communitySessionsQuery,
      response: { 200: communitySessionsReply },
    },
    handler: (request) => community.listSessions(app.db, actorOf(request), request.params.id, request.query),
  });

  app.get('/api/ptris/:id/community-activities', {
    config: { roles: rolesWith('readProjectPlacements') },
    schema: {
      tags,
      summary: 'Le attività di comunità a cui è iscritto il progetto',
      params: idParams,
      response: { 200: z.array(projectCommunityActivitySchema) },
    },
    handler: (request) => community.activitiesOfProject(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/reports/community-activities', {
    config: { roles: ['manager', 'admin'] },
    schema: {
      tags: ['reports'],
      summary: "Attività di comunità nell'anno: incontri, ore, importo, persone con progetto, presenze, altri partecipanti",
      querystring: communityReportQuery,
      response: { 200: communityReportReply },
    },
    handler: async (request, reply) => {
      const { year, districtId, axis, limit, cursor, format } = request.query;
      if (!wantsCsv(request, format)) return communityActivitiesReport(app.db, actorOf(request), year, { districtId, axis }, limit, cursor);
      const districts = new Map(listDistricts(app.db).map((d) => [d.id, d.name]));
      const batches = await communityReportCsvBatches(app.db, actorOf(request), year, { districtId, axis }, districts);
      await sendCsvBatches(reply, app.db, `attivita-comunita-${year}.csv`, COMMUNITY_REPORT_CSV_HEADER, batches);
    },
  });
};

export default communityActivityRoutes;
