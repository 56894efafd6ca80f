import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AXIS_LABELS,
  idParams,
  listReply,
  resourceBody,
  resourceDetailSchema,
  resourceSchema,
  resourcesQuery,
  resourcesCountQuery,
  resourcesCountReply,
  resourcesReportQuery,
  resourcesReportReply,
  resourceUpdateBody,
} from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import { sendCsv, wantsCsv } from '../reports/csv.ts';
import * as resources from './service.ts';

const MAINTAINERS = { roles: ['admin', 'manager', 'social_worker'] as const };
const tags = ['resources'];

const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/resources', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Catalogo delle risorse del territorio, per distretto, asse e parole del nome o del gestore',
      querystring: resourcesQuery,
      response: { 200: listReply(resourceSchema) },
    },
    handler: (request) => resources.searchResources(app.db, request.query),
  });

  app.get('/api/resources/count', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Quante risorse rispondono ai filtri del catalogo (oltre 1000: "capped")',
      querystring: resourcesCountQuery,
      response: { 200: resourcesCountReply },
    },
    handler: (request) => resources.countResources(app.db, request.query),
  });

  app.get('/api/resources/:id', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Una risorsa del territorio, con i progetti attivi che la usano (nominati solo quelli che puoi vedere)',
      params: idParams,
      response: { 200: resourceDetailSchema },
    },
    handler: (request) => resources.resourceDetail(app.db, actorOf(request), request.params.id),
  });

  app.post('/api/resources', {
    config: MAINTAINERS,
    schema: { tags, summary: 'Nuova risorsa del territorio', body: resourceBody, response: { 201: resourceSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return resources.createResource(app.db, actorOf(request), request.body);
    },
  });

  app.patch('/api/resources/:id', {
    config: MAINTAINERS,
    schema: {
      tags,
      summary: 'Modifica una risorsa del territorio',
      params: idParams,
      body: resourceUpdateBody,
      response: { 200: resourceSchema },
    },
    handler: (request) => resources.updateResource(app.db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/reports/resources', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'] },
    schema: {
      tags: ['reports'],
      summary: 'Risorse del territorio in uso per distretto e asse: dove il territorio offre poco',
      querystring: resourcesReportQuery,
      response: { 200: resourcesReportReply },
    },
    handler: async (request, reply) => {
      const report = await resources.resourcesReport(app.db, actorOf(request));
      if (!wantsCsv(request, request.query.format)) return report;
      await sendCsv(
        reply,
        'risorse-del-territorio.csv',
        ['Distretto', 'Asse', 'Risorse attive', 'Risorse in uso', 'Progetti attivi che le usano'],
        report.rows.map((r) => [r.districtName, AXIS_LABELS[r.axis], r.resources, r.inUse, r.projectsUsing]),
      );
    },
  });
};

export default resourceRoutes;
