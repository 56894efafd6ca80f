// Reading the access log: a page for the admin's and manager's screen, or the whole period as CSV
// for the admin. Reading the log is itself logged.
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, labelOf } from '@bds/shared';
import type { Db, Queryable } from '@bds/db';
import type { CsvBatches } from '../reports/csv.ts';
import type { Actor } from '../auth/principal.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { recordAudit } from './record.ts';
import { countAudit, searchAudit, type AuditFilters } from './queries.ts';

const CSV_EXPORT_LIMIT = 100_000;
const CSV_BATCH_ROWS = 1_000;
export const AUDIT_CSV_HEADER = ['id', 'quando', 'utente', 'azione', 'oggetto', 'n. oggetto', 'persona', 'indirizzo', 'dettagli'];

export function auditPage(db: Db, actor: Actor, filters: AuditFilters, limit: number, cursor: string | undefined) {
  const before = decodeCursor(cursor, ['number']);
  const rows = db.transaction((tx) => {
    const found = searchAudit(tx, filters, (before?.[0] as number | undefined) ?? null, limit);
    recordAudit(tx, actor, { action: 'read', entity: 'audit_log', changes: { filters } });
    return found;
  });
  return page(rows, limit, (row) => [row.id]);
}

/**
 * Starts the admin's CSV export: refuses a period too large to export whole (a cut export would
 * read as "no access" for the rows left out), logs the export, and gives its rows in batches,
 * newest first below the newest row matching now, so rows logged while it is written are not in it.
 */
export function startAuditExport(db: Db, actor: Actor, filters: AuditFilters): CsvBatches {
  if (actor.user.role !== 'admin') throw new Forbidden("Solo l'amministratore può scaricare il registro");
  const { newestId } = db.transaction((tx) => {
    const found = countAudit(tx, filters, CSV_EXPORT_LIMIT);
    if (found.rows > CSV_EXPORT_LIMIT) {
      throw new Invalid(
        'from',
        `oltre ${CSV_EXPORT_LIMIT.toLocaleString('it-IT')} righe: restringere il periodo o filtrare per persona o utente`,
      );
    }
    recordAudit(tx, actor, { action: 'export', entity: 'audit_log', changes: { filters } });
    return found;
  });
  return (from) => exportBatches(from, filters, newestId);
}

function* exportBatches(db: Queryable, filters: AuditFilters, newestId: number | null) {
  let before = newestId === null ? null : newestId + 1;
  while (before !== null) {
    // searchAudit reads one row past the batch: whether another batch follows.
    const found = searchAudit(db, filters, before, CSV_BATCH_ROWS);
    const rows = found.slice(0, CSV_BATCH_ROWS);
    yield rows.map((r) => [
      r.id,
      r.at,
      r.username,
      labelOf(AUDIT_ACTION_LABELS, r.action),
      labelOf(AUDIT_ENTITY_LABELS, r.entity),
      r.entityId,
      r.personId,
      r.ip,
      r.changes ? JSON.stringify(r.changes) : '',
    ]);
    before = found.length > CSV_BATCH_ROWS ? rows[rows.length - 1]!.id : null;
  }
}
