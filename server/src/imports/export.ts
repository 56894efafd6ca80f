// The caseload export: the same columns the import reads, as CSV (UTF-8 with BOM, ';') or .xlsx,
// so a service can go on working in its spreadsheet and bring it back.
import type { Db } from '@bds/db';
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

export interface CaseloadExport {
  fileName: string;
  /** The file's rows a batch at a time, each batch's access-log row written before it is given. */
  batches: Batches<(string | number)[][]>;
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
  return {
    fileName,
    async *batches(from) {
      for (let afterId = 0, part = 1; ; part++) {
        const rows = caseloadRows(from, filters, visible, afterId, EXPORT_BATCH);
        // A file with no project is logged too: the export itself was asked for.
        if (rows.length > 0 || part === 1) {
          await auditRead(db, actor, {
            action: 'export',
            entity: 'caseload_export',
            personIds: [...new Set(rows.map((row) => row.personId))],
            changes: { ...query, part, projects: rows.length },
          });
        }
        yield rows.map(toRecord);
        if (rows.length < EXPORT_BATCH) return;
        afterId = rows.at(-1)!.id;
      }
    },
  };
}

/** The whole file as a workbook: at most as many projects as an import takes, so that it can come back. */
export async function caseloadWorkbook(db: Db, exported: CaseloadExport): Promise<Buffer> {
  const records: (string | number)[][] = [];
  for await (const batch of readInTurns(db, exported.batches)) {
    records.push(...batch);
    if (records.length > MAX_IMPORT_ROWS) {
      throw new Invalid(
        'format',
        `oltre ${MAX_IMPORT_ROWS.toLocaleString('it-IT')} progetti: per un foglio .xlsx scegliere un servizio o un anno, oppure scaricare il CSV`,
      );
    }
  }
  return workbookOf(records);
}

export function workbookOf(records: (string | number)[][]): Promise<Buffer> {
  return writeWorkbook('Carichi', CASELOAD_HEADER, records);
}
