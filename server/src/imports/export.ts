// The caseload export: the same columns the import reads, as CSV (UTF-8 with BOM, ';') or .xlsx,
// so a service can go on working in its spreadsheet and bring it back.
import type { Db, Queryable } from '@bds/db';
import {
  CASELOAD_COLUMNS,
  CASELOAD_GOAL_OUTCOME_VALUES,
  CASELOAD_INTENSITY_VALUES,
  CASELOAD_STATUS_VALUES,
  formatDate,
  type CaseloadExportQuery,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Forbidden, Invalid } from '../errors.ts';
import { readInTurns, type Batches } from '../snapshot-reads.ts';
import { MAX_IMPORT_ROWS } from './file.ts';
import { policyOf } from '../access/policy.ts';
import { writeWorkbook } from './excel.ts';
import { caseloadRows, type CaseloadExportRow } from './queries.ts';

export const CASELOAD_HEADER = CASELOAD_COLUMNS.map(([italian]) => italian);

function statusWord(status: CaseloadExportRow['status']): string {
  return status === 'active' || status === 'suspended' || status === 'closed' ? CASELOAD_STATUS_VALUES[status] : status;
}

function toRecord(row: CaseloadExportRow): (string | number)[] {
  return [
    row.fiscalCode,
    row.familyName,
    row.givenName,
    formatDate(row.birthDate),
    row.sex,
    row.district,
    row.service,
    row.lotNumber,
    formatDate(row.startDate),
    formatDate(row.endDate),
    statusWord(row.status),
    row.endedOn ? formatDate(row.endedOn) : '',
    CASELOAD_INTENSITY_VALUES[row.intensity],
    row.cooperatives ?? '',
    row.caseManager ?? '',
    row.goalsHabitat ?? '',
    row.goalsSociality ?? '',
    row.goalsWork ?? '',
    row.status === 'closed' && row.goalsStatus && row.goalsStatus !== 'open' ? CASELOAD_GOAL_OUTCOME_VALUES[row.goalsStatus] : '',
  ];
}

/** Projects a batch: each batch's access-log row, naming its persons, is on disk before the batch is sent. */
const EXPORT_BATCH = 200;

interface ReadBatch {
  part: number;
  rows: CaseloadExportRow[];
}

export interface CaseloadExport {
  fileName: string;
  /** The file's rows a batch at a time, each batch's access-log row written before it is given. */
  batches: Batches<(string | number)[][]>;
  /** The projects a batch at a time, not yet logged: for a file that is sent only once it is whole. */
  unlogged: Batches<ReadBatch>;
  /** Logs one batch read through `unlogged`. */
  log(batch: ReadBatch): Promise<void>;
}

/** The export's rows, read and logged a batch at a time: the caseload of a year across a region is far too long for one turn. */
export function exportCaseload(db: Db, actor: Actor, query: CaseloadExportQuery): CaseloadExport {
  const { user } = actor;
  if (user.role === 'case_manager' && query.serviceId !== undefined && query.serviceId !== user.serviceId) {
    throw new Forbidden('Puoi esportare solo i carichi del tuo servizio');
  }
  const filters = { year: query.year, serviceId: query.serviceId };
  const visible = policyOf(user).ptris;
  const fileName = `carichi-${query.year ?? 'tutti-gli-anni'}${query.serviceId ? `-servizio-${query.serviceId}` : ''}.${query.format}`;
  function* unlogged(from: Queryable): Generator<ReadBatch> {
    for (let afterId = 0, part = 1; ; part++) {
      const rows = caseloadRows(from, filters, visible, afterId, EXPORT_BATCH);
      // A file with no project is logged too: the export itself was asked for.
      if (rows.length > 0 || part === 1) yield { part, rows };
      if (rows.length < EXPORT_BATCH) return;
      afterId = rows.at(-1)!.id;
    }
  }
  const log = ({ part, rows }: ReadBatch) =>
    auditRead(db, actor, {
      action: 'export',
      entity: 'caseload_export',
      personIds: [...new Set(rows.map((row) => row.personId))],
      changes: { ...query, part, projects: rows.length },
    });
  return {
    fileName,
    unlogged,
    log,
    async *batches(from) {
      for (const batch of unlogged(from)) {
        await log(batch);
        yield batch.rows.map(toRecord);
      }
    },
  };
}

/**
 * The whole file as a workbook: at most as many projects as an import takes, so that it can come
 * back. It is read whole before anything is logged, so a refused file leaves no access-log row.
 */
export async function caseloadWorkbook(db: Db, exported: CaseloadExport): Promise<Buffer> {
  const read: ReadBatch[] = [];
  let projects = 0;
  for await (const batch of readInTurns(db, exported.unlogged)) {
    read.push(batch);
    projects += batch.rows.length;
    if (projects > MAX_IMPORT_ROWS) {
      throw new Invalid(
        'format',
        `oltre ${MAX_IMPORT_ROWS.toLocaleString('it-IT')} progetti: per un foglio .xlsx scegliere un servizio o un anno, oppure scaricare il CSV`,
      );
    }
  }
  for (const batch of read) await exported.log(batch);
  return workbookOf(read.flatMap((batch) => batch.rows.map(toRecord)));
}

export function workbookOf(records: (string | number)[][]): Promise<Buffer> {
  return writeWorkbook('Carichi', CASELOAD_HEADER, records);
}
