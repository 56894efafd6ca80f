import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  idParams,
  listReply,
  proposalBody,
  proposalDecisionBody,
  proposalListQuery,
  proposalParams,
  proposalSchema,
  ptriSummarySchema,
  rolesWith,
  shareSchema,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { ifMatchHeaders, versionFromIfMatch } from '../ptri/routes.ts';
import * as proposals from './service.ts';

const tags = ['ptri'];
const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/ptris/:id/share', {
    config: { roles: rolesWith('writeProjects') },
    schema: {
      tags,
      summary: 'Condivide la bozza con le cooperative assegnate, per la co-progettazione',
      params: idParams,
      response: { 200: shareSchema },
    },
    handler: (request) => proposals.shareDraft(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/ptris/:id/share', {
    config: { roles: rolesWith('readProposals') },
    schema: { tags, summary: 'Con quali cooperative è condivisa la bozza', params: idParams, response: { 200: shareSchema } },
    handler: (request) => proposals.readShare(app.db, actorOf(request), request.params.id),
  });

  app.get('/api/shared-drafts', {
    config: { roles: rolesWith('proposeChanges') },
    schema: {
      tags,
      summary: 'Le bozze condivise con la propria cooperativa, dalla più recente',
      querystring: proposalListQuery,
      response: { 200: listReply(ptriSummarySchema) },
    },
    handler: (request) => proposals.listSharedDrafts(app.db, actorOf(request), request.query),
  });

  app.post('/api/ptris/:id/proposals', {
    config: { roles: rolesWith('proposeChanges') },
    schema: {
      tags,
      summary: 'Una cooperativa propone obiettivi e righe di budget da aggiungere o cambiare sulla bozza condivisa',
      params: idParams,
      body: proposalBody,
      response: { 201: proposalSchema },
    },
    handler: (request, reply) => {
      reply.code(201);
      return proposals.propose(app.db, actorOf(request), request.params.id, request.body);
    },
  });

  app.get('/api/ptris/:id/proposals', {
    config: { roles: rolesWith('readProposals') },
    schema: {
      tags,
      summary: 'Le proposte delle cooperative sulla bozza, dalla più recente (una cooperativa: le sue)',
      params: idParams,
      querystring: proposalListQuery,
      response: { 200: listReply(proposalSchema) },
    },
    handler: (request) => proposals.listProposals(app.db, actorOf(request), request.params.id, request.query),
  });

  app.post('/api/ptris/:id/proposals/:proposalId/decision', {
    config: { roles: rolesWith('writeProjects') },
    schema: {
      tags,
      summary: 'Il case manager accetta (nuova versione della bozza) o rifiuta con un motivo una proposta',
      params: proposalParams,
      headers: ifMatchHeaders,
      body: proposalDecisionBody,
      response: { 200: proposalSchema },
    },
    handler: (request) =>
      proposals.decide(
        app.db,
        actorOf(request),
        request.params.id,
        request.params.proposalId,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      ),
  });
};

export default proposalRoutes;
