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
import { caseloadRows, lastProjectId, type CaseloadExportRow } from './queries.ts';

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
/**
 * Project ids a batch looks through at most: a year's projects can be sparse in id order and the
 * year has no index, so a batch looking for its 200 could otherwise read most of the table at once.
 */
const EXPORT_ID_SPAN = 20_000;

type Projects = CaseloadExportRow[];

/** Numbers and logs the batches of one export, each before it is sent. */
interface ExportLog {
  batch(rows: Projects): Promise<void>;
  /** Logs a file with no project too: the export itself was asked for. */
  end(): Promise<void>;
}

export interface CaseloadExport {
  fileName: string;
  /** The file's rows a batch at a time, each batch's access-log row written before it is given. */
  batches: Batches<(string | number)[][]>;
  /** The projects a batch at a time (a batch may be empty), not yet logged: for a file sent only once it is whole. */
  unlogged: Batches<Projects>;
  /** A new log for the batches read through `unlogged`. */
  log(): ExportLog;
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
  function* unlogged(from: Queryable): Generator<Projects> {
    const lastId = lastProjectId(from);
    for (let afterId = 0; afterId < lastId;) {
      const upToId = Math.min(afterId + EXPORT_ID_SPAN, lastId);
      const rows = caseloadRows(from, filters, visible, { afterId, upToId }, EXPORT_BATCH);
      afterId = rows.length === EXPORT_BATCH ? rows.at(-1)!.id : upToId;
      // An empty stretch of ids is given too, so that its reader gives the event loop back after it.
      yield rows;
    }
  }
  const log = (): ExportLog => {
    let part = 0;
    const batch = (rows: Projects) =>
      auditRead(db, actor, {
        action: 'export',
        entity: 'caseload_export',
        personIds: [...new Set(rows.map((row) => row.personId))],
        changes: { ...query, part: ++part, projects: rows.length },
      });
    return { batch, end: async () => (part === 0 ? batch([]) : undefined) };
  };
  return {
    fileName,
    unlogged,
    log,
    async *batches(from) {
      const logged = log();
      for (const rows of unlogged(from)) {
        if (rows.length > 0) await logged.batch(rows);
        yield rows.map(toRecord);
      }
      await logged.end();
    },
  };
}

/**
 * The whole file as a workbook: at most as many projects as an import takes, so that it can come
 * back. It is read whole before anything is logged, so a refused file leaves no access-log row.
 */
export async function caseloadWorkbook(db: Db, exported: CaseloadExport): Promise<Buffer> {
  const read: Projects[] = [];
  let projects = 0;
  for await (const rows of readInTurns(db, exported.unlogged)) {
    if (rows.length === 0) continue;
    read.push(rows);
    projects += rows.length;
    if (projects > MAX_IMPORT_ROWS) {
      throw new Invalid(
        'format',
        `oltre ${MAX_IMPORT_ROWS.toLocaleString('it-IT')} progetti: per un foglio .xlsx scegliere un servizio o un anno, oppure scaricare il CSV`,
      );
    }
  }
  const logged = exported.log();
  for (const rows of read) await logged.batch(rows);
  await logged.end();
  return workbookOf(read.flatMap((rows) => rows.map(toRecord)));
}

export function workbookOf(records: (string | number)[][]): Promise<Buffer> {
  return writeWorkbook('Carichi', CASELOAD_HEADER, records);
}
