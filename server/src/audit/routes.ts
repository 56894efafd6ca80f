import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditEntrySchema, auditQuery, labelOf, listReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { sendCsvBatches, wantsCsv } from '../reports/csv.ts';
import { recordAudit } from './record.ts';
import { countAudit, searchAudit, type AuditFilters } from './queries.ts';

const CSV_EXPORT_LIMIT = 100_000;
const CSV_BATCH_ROWS = 1_000;
const CSV_HEADER = ['id', 'quando', 'utente', 'azione', 'oggetto', 'n. oggetto', 'persona', 'indirizzo', 'dettagli'];

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The export's rows, newest first from `newestId` down, a batch per read (the log only grows above it). */
  function* exportBatches(filters: AuditFilters, newestId: number | null) {
    let before = newestId === null ? null : newestId + 1;
    while (before !== null) {
      // searchAudit reads one row past the batch: whether another batch follows.
      const found = searchAudit(app.db, filters, before, CSV_BATCH_ROWS);
      const rows = found.slice(0, CSV_BATCH_ROWS);
      yield rows.map((r) => [r.id, r.at, r.username, labelOf(AUDIT_ACTION_LABELS, r.action), labelOf(AUDIT_ENTITY_LABELS, r.entity), r.entityId, r.personId, r.ip,
        r.changes ? JSON.stringify(r.changes) : '']);
      before = found.length > CSV_BATCH_ROWS ? rows[rows.length - 1]!.id : null;
    }
  }

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
      const csv = wantsCsv(request, format);
      if (csv && actor.user.role !== 'admin') throw new Forbidden("Solo l'amministratore può scaricare il registro");
      if (csv) {
        const { newestId } = app.db.transaction((tx) => {
          const found = countAudit(tx, filters, CSV_EXPORT_LIMIT);
          // A cut export would read as "no access" for the rows left out: refuse it instead.
          if (found.rows > CSV_EXPORT_LIMIT) {
            throw new Invalid('from', `oltre ${CSV_EXPORT_LIMIT.toLocaleString('it-IT')} righe: restringere il periodo o filtrare per persona o utente`);
          }
          recordAudit(tx, actor, { action: 'export', entity: 'audit_log', changes: { filters } });
          return found;
        });
        await sendCsvBatches(reply, 'registro-accessi.csv', CSV_HEADER, () => exportBatches(filters, newestId));
        return;
      }
      const before = decodeCursor(cursor, ['number']);
      const rows = app.db.transaction((tx) => {
        const found = searchAudit(tx, filters, (before?.[0] as number | undefined) ?? null, limit);
        recordAudit(tx, actor, { action: 'read', entity: 'audit_log', changes: { filters } });
        return found;
      });
      return page(rows, limit, (row) => [row.id]);
    },
  });
};

export default auditRoutes;
