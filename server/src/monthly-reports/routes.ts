import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  departmentPartParams,
  idParams,
  monthlyReportPartsQuery,
  monthlyReportPartsReply,
  monthlyReportSchema,
  monthlyReportsQuery,
  monthlyReportsReply,
  monthParams,
  reviewBody,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import * as reports from './service.ts';

const tags = ['monthly-reports'];

const monthlyReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/cooperatives/:id/reports/:month/submit', {
    config: { roles: ['cooperative'] },
    schema: {
      tags,
      summary: 'La cooperativa invia il mese: i suoi interventi diventano di sola lettura',
      params: monthParams,
      response: { 200: monthlyReportSchema },
    },
    handler: (request) => reports.submitMonth(app.db, actorOf(request), request.params.id, request.params.month),
  });

  app.post('/api/cooperatives/:id/reports/:month/review', {
    config: { roles: ['case_manager'] },
    schema: {
      tags,
      summary: 'Il case manager valida o restituisce (con nota) la parte del mese del proprio servizio',
      params: monthParams,
      body: reviewBody,
      response: { 200: monthlyReportSchema },
    },
    handler: (request) => reports.reviewMonth(app.db, actorOf(request), request.params.id, request.params.month, request.body),
  });

  app.post('/api/cooperatives/:id/reports/:month/parts/:kind/review', {
    config: { roles: ['manager'] },
    schema: {
      tags,
      summary:
        'La direzione del DSM-DP valida o restituisce (con nota) una parte del mese di tutto il dipartimento: appartamenti (Lotto 3) o attività di comunità (Lotto 4)',
      params: departmentPartParams,
      body: reviewBody,
      response: { 200: monthlyReportSchema },
    },
    handler: (request) =>
      reports.reviewDepartmentPart(app.db, actorOf(request), request.params.id, request.params.month, request.params.kind, request.body),
  });

  app.get('/api/cooperatives/:id/reports', {
    config: { roles: ['admin', 'manager', 'case_manager', 'cooperative'] },
    schema: {
      tags,
      summary: "Stato di ogni mese dell'anno",
      params: idParams,
      querystring: monthlyReportsQuery,
      response: { 200: monthlyReportsReply },
    },
    handler: (request) => reports.listMonthlyReports(app.db, actorOf(request), request.params.id, request.query.year),
  });

  app.get('/api/monthly-reports', {
    config: { roles: ['admin', 'manager', 'case_manager', 'cooperative'] },
    schema: {
      tags,
      summary:
        'Le parti dei mesi inviate o già riviste, di tutte le cooperative: il case manager vede quelle del proprio servizio, la cooperativa le proprie',
      querystring: monthlyReportPartsQuery,
      response: { 200: monthlyReportPartsReply },
    },
    handler: (request) => reports.listReportParts(app.db, actorOf(request), request.query),
  });
};

export default monthlyReportRoutes;
