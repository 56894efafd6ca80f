import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { yearlyCountsQuery, yearlyCountsReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { sendCsv, wantsCsv } from './csv.ts';
import * as reports from './service.ts';

const tags = ['reports'];

const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reports/yearly-counts', {
    config: { roles: ['manager', 'admin', 'case_manager'] },
    schema: {
      tags,
      summary: "Utenti distinti con progetto attivo nell'anno, per servizio e lotto (NR_UT)",
      querystring: yearlyCountsQuery,
      response: { 200: yearlyCountsReply },
    },
    handler: async (request, reply) => {
      const report = await reports.yearlyCounts(app.db, actorOf(request), request.query.year, request.query.lot);
      if (!wantsCsv(request, request.query.format)) return report;
      await sendCsv(
        reply,
        `utenti-lotto${report.lot}-${report.year}.csv`,
        ['Codice servizio', 'Servizio', 'NR_UT'],
        [...report.rows.map((row) => [row.serviceCode, row.serviceName, row.users]), ['', 'Totale n. utenti', report.total]],
      );
    },
  });
};

export default reportRoutes;
