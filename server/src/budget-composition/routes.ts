import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetCompositionQuery, budgetCompositionReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { sendCsv, wantsCsv } from '../reports/csv.ts';
import { BUDGET_COMPOSITION_CSV_HEADER, budgetComposition, budgetCompositionCsvRows } from './service.ts';

const budgetCompositionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/reports/budget-composition', {
    config: { roles: ['manager', 'admin', 'case_manager'] },
    schema: {
      tags: ['reports'],
      summary: 'Composizione del budget per fonte e asse, e quota non AUSL per servizio e distretto',
      querystring: budgetCompositionQuery,
      response: { 200: budgetCompositionReply },
    },
    handler: async (request, reply) => {
      const { year, serviceId, districtId, format } = request.query;
      const report = await budgetComposition(app.db, actorOf(request), year, serviceId, districtId);
      if (!wantsCsv(request, format)) return report;
      await sendCsv(reply, `composizione-budget-${report.year}.csv`, BUDGET_COMPOSITION_CSV_HEADER, budgetCompositionCsvRows(report));
    },
  });
};

export default budgetCompositionRoutes;
