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
import { Forbidden } from '../errors.ts';
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

export interface CaseloadExport {
  fileName: string;
  records: (string | number)[][];
}

export async function exportCaseload(db: Db, actor: Actor, query: CaseloadExportQuery): Promise<CaseloadExport> {
  const { user } = actor;
  if (user.role === 'case_manager' && query.serviceId !== undefined && query.serviceId !== user.serviceId) {
    throw new Forbidden('Puoi esportare solo i carichi del tuo servizio');
  }
  const rows = caseloadRows(db, { year: query.year, serviceId: query.serviceId }, policyOf(user).ptris);
  await auditRead(db, actor, {
    action: 'export',
    entity: 'caseload_export',
    personIds: [...new Set(rows.map((row) => row.personId))],
    changes: { ...query, projects: rows.length },
  });
  const fileName = `carichi-${query.year ?? 'tutti-gli-anni'}${query.serviceId ? `-servizio-${query.serviceId}` : ''}.${query.format}`;
  return { fileName, records: rows.map(toRecord) };
}

export function workbookOf(records: (string | number)[][]): Promise<Buffer> {
  return writeWorkbook('Carichi', CASELOAD_HEADER, records);
}
