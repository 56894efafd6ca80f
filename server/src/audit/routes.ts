import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditEntrySchema, auditQuery, labelOf, listReply } from '@bds/shared';
import { actorOf } from '../plugins/auth.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { sendCsv, wantsCsv } from '../reports/csv.ts';
import { recordAudit } from './record.ts';
import { searchAudit } from './queries.ts';

const CSV_EXPORT_LIMIT = 100_000;

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
      const csv = wantsCsv(request, format);
      if (csv && actor.user.role !== 'admin') throw new Forbidden("Solo l'amministratore può scaricare il registro");
      const before = decodeCursor(cursor, ['number']);
      const rows = app.db.transaction((tx) => {
        const found = searchAudit(tx, filters, (before?.[0] as number | undefined) ?? null, csv ? CSV_EXPORT_LIMIT : limit);
        // A cut export would read as "no access" for the rows left out: refuse it instead.
        if (csv && found.length > CSV_EXPORT_LIMIT) {
          throw new Invalid('from', `oltre ${CSV_EXPORT_LIMIT.toLocaleString('it-IT')} righe: restringere il periodo o filtrare per persona o utente`);
        }
        recordAudit(tx, actor, { action: csv ? 'export' : 'read', entity: 'audit_log', changes: { filters } });
        return found;
      });
      if (csv) {
        await sendCsv(
          reply,
          'registro-accessi.csv',
          ['id', 'quando', 'utente', 'azione', 'oggetto', 'n. oggetto', 'persona', 'indirizzo', 'dettagli'],
          rows.map((r) => [r.id, r.at, r.username, labelOf(AUDIT_ACTION_LABELS, r.action), labelOf(AUDIT_ENTITY_LABELS, r.entity), r.entityId, r.personId, r.ip,
            r.changes ? JSON.stringify(r.changes) : '']),
        );
        return;
      }
      return page(rows, limit, (row) => [row.id]);
    },
  });
};

export default auditRoutes;
