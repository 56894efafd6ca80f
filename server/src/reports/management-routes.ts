// The managers' reports beside the yearly counts: lot totals, caseload, reviews due; each also as CSV.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  caseloadQuery,
  caseloadReply,
  flatsReportQuery,
  flatsReportReply,
  lotTotalsQuery,
  lotTotalsReply,
  reviewsDueQuery,
  reviewsDueReply,
} from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { sendCsv, sendCsvBatches, wantsCsv } from './csv.ts';
import { LOT_TOTALS_CSV_HEADER, lotTotals, lotTotalsCsvRows } from './lot-totals.ts';
import { CASELOAD_CSV_HEADER, caseload, caseloadCsvRows } from './caseload.ts';
import { FLATS_CSV_HEADER, flatsCsvBatches, flatsReport } from './flats.ts';
import { REVIEWS_CSV_HEADER, reviewsCsvRows, reviewsDue } from './reviews-due.ts';

const tags = ['reports'];

const managementReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reports/lot-totals', {
    config: { roles: ['manager', 'admin', 'case_manager', 'cooperative'] },
    schema: {
      tags,
      summary: 'Ore, importi (validati e in attesa), utenti e progetti per lotto e cooperativa',
      querystring: lotTotalsQuery,
      response: { 200: lotTotalsReply },
    },
    handler: async (request, reply) => {
      const report = await lotTotals(app.db, actorOf(request), request.query.year, request.query.month);
      if (!wantsCsv(request, request.query.format)) return report;
      await sendCsv(reply, `totali-lotti-${report.period}.csv`, LOT_TOTALS_CSV_HEADER, lotTotalsCsvRows(report));
    },
  });

  app.get('/api/reports/flats', {
    config: { roles: ['manager', 'admin', 'case_manager'] },
    schema: {
      tags,
      summary:
        "Appartamenti del Lotto 3: giorni-posto, occupazione, ingressi, uscite per destinazione, durata media, ore e importo dell'anno",
      querystring: flatsReportQuery,
      response: { 200: flatsReportReply },
    },
    handler: async (request, reply) => {
      const { year, limit, cursor, format } = request.query;
      if (!wantsCsv(request, format)) return flatsReport(app.db, actorOf(request), year, limit, cursor);
      await sendCsvBatches(
        reply,
        app.db,
        `appartamenti-${year}.csv`,
        FLATS_CSV_HEADER,
        await flatsCsvBatches(app.db, actorOf(request), year),
      );
    },
  });

  app.get('/api/reports/caseload', {
    config: { roles: ['manager', 'admin', 'case_manager', 'uvm'] },
    schema: { tags, summary: 'Progetti attivi per servizio a una data', querystring: caseloadQuery, response: { 200: caseloadReply } },
    handler: async (request, reply) => {
      const report = await caseload(app.db, actorOf(request), request.query.serviceId, request.query.date);
      if (!wantsCsv(request, request.query.format)) return report;
      await sendCsv(reply, `carico-${report.date}.csv`, CASELOAD_CSV_HEADER, caseloadCsvRows(report));
    },
  });

  app.get('/api/reports/reviews-due', {
    config: { roles: ['manager', 'admin', 'case_manager', 'uvm'] },
    schema: {
      tags,
      summary: 'Progetti con verifica UVM scaduta o vicina',
      querystring: reviewsDueQuery,
      response: { 200: reviewsDueReply },
    },
    handler: async (request, reply) => {
      const { within, serviceId } = request.query;
      const csv = wantsCsv(request, request.query.format);
      const report = await reviewsDue(
        app.db,
        actorOf(request),
        within,
        serviceId,
        request.query.limit ?? (csv ? 2000 : 100),
        request.query.cursor,
      );
      if (!csv) return report;
      await sendCsv(reply, `verifiche-${report.date}.csv`, REVIEWS_CSV_HEADER, reviewsCsvRows(report));
    },
  });
};

export default managementReportRoutes;
