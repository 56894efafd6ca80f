// The caseload import of a 5,000-row file (issue 22), timed in-process on the bench database: the
// rows are the database's own export, repeated, each given a new person (a codice fiscale nobody
// has, with the birth date and sex it encodes), so every row creates a person and a project. The
// dry run is timed as the admin's preview; the real run inside a transaction rolled back at the
// end, so the bench database is left as it was (but for the access-log rows of the export and the preview).
import { openDb } from '@bds/db';
import { today } from '@bds/shared';
import type { Actor } from '@bds/server/auth/principal.ts';
import { CASELOAD_HEADER, exportCaseload } from '@bds/server/imports/export.ts';
import { importCaseload } from '@bds/server/imports/service.ts';
import { toCsv } from '@bds/server/reports/csv.ts';
import { numberedFiscalCode } from '../api/helpers.ts';
import { REPORT_YEAR } from './endpoints.ts';

export interface ImportFigures {
  rows: number;
  bytes: number;
  dryRunMs: number;
  /** Null when the dry run found errors: the real run would refuse the file. */
  importMs: number | null;
  projectsNew: number;
  errors: number;
}

/** Far above any person of the bench tiers, so the codici fiscali are new. */
const FIRST_NEW_PERSON = 20_000_000;

export async function timeCaseloadImport(databasePath: string, rows: number): Promise<ImportFigures> {
  const db = openDb(databasePath);
  try {
    const client = db.$client;
    const admin = client.prepare(`SELECT id, username, display_name AS displayName FROM users WHERE username = 'admin'`).get() as {
      id: number;
      username: string;
      displayName: string;
    };
    const user = { ...admin, role: 'admin' as const, serviceId: null, districtId: null, cooperativeId: null, mustChangePassword: false };
    const actor: Actor = { user: { ...user, sessionId: 'bench' }, ip: '127.0.0.1', today: today(), now: new Date().toISOString() };
    // One service's projects of one year: a few hundred rows on every tier, repeated.
    const service = client.prepare(`SELECT service_id AS id FROM users WHERE username = 'casemanager'`).get() as { id: number };
    const { records } = await exportCaseload(db, actor, { format: 'csv', year: REPORT_YEAR, serviceId: service.id });
    const column = (name: (typeof CASELOAD_HEADER)[number]) => CASELOAD_HEADER.indexOf(name);
    const [fiscalCode, birthDate, sex] = [column('codice_fiscale'), column('data_nascita'), column('sesso')];
    const file = Buffer.from(
      toCsv(
        CASELOAD_HEADER,
        Array.from({ length: rows }, (_, i) => {
          const record = [...records[i % records.length]!];
          const personSex = record[sex] === 'F' ? 'F' : 'M';
          record[fiscalCode] = numberedFiscalCode(FIRST_NEW_PERSON + i, personSex);
          record[birthDate] = '01/01/1980';
          record[sex] = personSex;
          return record;
        }),
      ),
    );
    let started = performance.now();
    const preview = await importCaseload(db, actor, file, { dryRun: true, fileName: 'bench.csv' });
    const dryRunMs = Math.round(performance.now() - started);
    const errors = preview.errors.length;
    if (errors > 0) return { rows, bytes: file.length, dryRunMs, importMs: null, projectsNew: preview.projects.new, errors };
    client.exec('BEGIN IMMEDIATE');
    try {
      started = performance.now();
      await importCaseload(db, actor, file, { dryRun: false, fileName: 'bench.csv' });
    } finally {
      client.exec('ROLLBACK');
    }
    const importMs = Math.round(performance.now() - started);
    return { rows, bytes: file.length, dryRunMs, importMs, projectsNew: preview.projects.new, errors };
  } finally {
    db.$client.close();
  }
}
