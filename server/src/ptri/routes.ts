import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createPtriBody,
  historyEntrySchema,
  idParams,
  listReply,
  ptriDetailSchema,
  ptriCountQuery,
  ptriCountReply,
  ptriListQuery,
  ptriSummarySchema,
  transitionBody,
  updatePtriBody,
} from '@bds/shared';
import { actorOf, ALL_ROLES } from '../plugins/auth.ts';
import { Invalid } from '../errors.ts';
import { sendJsonText } from '../sql-json.ts';
import * as ptri from './service.ts';

const tags = ['ptri'];
export const ifMatchHeaders = z.object({ 'if-match': z.string().max(40).optional() }).loose();

/** The project version named by an If-Match header: `"3"`, `W/"3"` or `3`. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match?.[1]) throw new Invalid('If-Match', 'deve contenere la versione del progetto, es. "3"');
  return Number(match[1]);
}

const ptriRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris', {
    config: { roles: ['case_manager', 'admin'] },
    schema: { tags, summary: 'Apre un progetto in bozza', body: createPtriBody, response: { 201: ptriDetailSchema } },
    handler: (request, reply) => {
      reply.code(201);
      return ptri.createPtri(app.db, actorOf(request), request.body);
    },
  });

  app.get('/api/ptris', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Progetti nel proprio ambito, con filtri',
      querystring: ptriListQuery,
      response: { 200: listReply(ptriSummarySchema) },
    },
    handler: async (request, reply) => sendJsonText(reply, await ptri.listPtris(app.db, actorOf(request), request.query)),
  });

  app.get('/api/ptris/count', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Quanti progetti rispondono ai filtri della lista (oltre 1000: "capped")',
      querystring: ptriCountQuery,
      response: { 200: ptriCountReply },
    },
    handler: (request) => ptri.countPtris(app.db, actorOf(request), request.query),
  });

  app.get('/api/ptris/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Un progetto con obiettivi, budget e valutazioni', params: idParams, response: { 200: ptriDetailSchema } },
    handler: async (request, reply) => {
      const detail = await ptri.readPtri(app.db, actorOf(request), request.params.id);
      reply.header('ETag', `"${detail.version}"`);
      return detail;
    },
  });

  app.patch('/api/ptris/:id', {
    config: { roles: ['case_manager', 'admin'] },
    schema: {
      tags,
      summary: 'Modifica un progetto in bozza o attivo (serve la versione corrente)',
      params: idParams,
      headers: ifMatchHeaders,
      body: updatePtriBody,
      response: { 200: ptriDetailSchema },
    },
    handler: (request, reply) => {
      const detail = ptri.updatePtri(
        app.db,
        actorOf(request),
        request.params.id,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      reply.header('ETag', `"${detail.version}"`);
      return detail;
    },
  });

  app.post('/api/ptris/:id/transitions', {
    config: { roles: ['case_manager', 'uvm', 'admin'] },
    schema: {
      tags,
      summary: 'Cambia lo stato del progetto',
      params: idParams,
      headers: ifMatchHeaders,
      body: transitionBody,
      response: { 200: ptriDetailSchema },
    },
    handler: (request) =>
      ptri.transitionPtri(app.db, actorOf(request), request.params.id, request.body, versionFromIfMatch(request.headers['if-match'])),
  });

  app.get('/api/ptris/:id/history', {
    config: { roles: ['admin', 'manager', 'case_manager', 'uvm', 'social_worker'] },
    schema: {
      tags,
      summary: 'Revisioni e passaggi di stato: chi, quando, cosa',
      params: idParams,
      response: { 200: z.array(historyEntrySchema) },
    },
    handler: (request) => ptri.ptriHistory(app.db, actorOf(request), request.params.id),
  });
};

export default ptriRoutes;
