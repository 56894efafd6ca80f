import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditEntrySchema, auditQuery, listReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { sendCsvBatches, wantsCsv } from '../reports/csv.ts';
import { AUDIT_CSV_HEADER, auditPage, startAuditExport } from './service.ts';

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    config: { roles: ['admin', 'manager'] },
    schema: {
      tags: ['audit'],
      summary: 'Registro degli accessi (sola lettura); la consultazione è a sua volta registrata',
      querystring: auditQuery,
      response: { 200: listReply(auditEntrySchema) },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const { limit, cursor, format, ...filters } = request.query;
      if (wantsCsv(request, format)) {
        const batches = startAuditExport(app.db, actor, filters);
        await sendCsvBatches(reply, app.db, 'registro-accessi.csv', AUDIT_CSV_HEADER, batches);
        return;
      }
      return auditPage(app.db, actor, filters, limit, cursor);
    },
  });
};

export default auditRoutes;
