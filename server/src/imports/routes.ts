import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseloadExportQuery, caseloadImportQuery, caseloadImportReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { Invalid } from '../errors.ts';
import { sendCsvBatches } from '../reports/csv.ts';
import { importCaseload } from './service.ts';
import { CASELOAD_HEADER, caseloadWorkbook, exportCaseload } from './export.ts';

const tags = ['imports'];
const FILE_LIMIT = 10 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // The spreadsheet arrives as it is, CSV or .xlsx; this route group alone reads such bodies.
  app.addContentTypeParser(
    ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream', XLSX_TYPE, 'application/vnd.ms-excel'],
    { parseAs: 'buffer', bodyLimit: FILE_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.post('/api/imports/caseload', {
    config: { roles: ['admin'], bulkWrite: true },
    bodyLimit: FILE_LIMIT,
    schema: {
      tags,
      summary: 'Importa i carichi da un foglio di calcolo (CSV o .xlsx): prova (dryRun=true) o importazione, tutto o niente',
      querystring: caseloadImportQuery,
      response: { 200: caseloadImportReply },
    },
    handler: (request) => {
      if (!Buffer.isBuffer(request.body)) throw new Invalid('(body)', 'inviare il file come text/csv o .xlsx');
      return importCaseload(app.db, actorOf(request), request.body, request.query);
    },
  });

  app.get('/api/exports/caseload', {
    config: { roles: ['admin', 'manager', 'case_manager'] },
    schema: { tags, summary: "Esporta i carichi con le colonne dell'importazione (CSV o .xlsx)", querystring: caseloadExportQuery },
    handler: async (request, reply) => {
      const exported = exportCaseload(app.db, actorOf(request), request.query);
      if (request.query.format === 'csv') return sendCsvBatches(reply, app.db, exported.fileName, CASELOAD_HEADER, exported.batches);
      return reply
        .type(XLSX_TYPE)
        .header('Content-Disposition', `attachment; filename="${exported.fileName}"`)
        .send(await caseloadWorkbook(app.db, exported));
    },
  });
};

export default importRoutes;
