// The caseload import of a 5,000-row file (issue 22), timed in-process on the bench database: the
// rows are the database's own export, repeated, each given a new person (a codice fiscale nobody
// has, with the birth date and sex it encodes), so every row creates a person and a project. The
// dry run is timed as the admin's preview; the real run as the route runs it, in the write gate's
// transaction over many turns, rolled back at the end so the bench database is left as it was (but
// for the access-log rows of the export and the preview). The longest turn is what the import holds
// the event loop for.
import { openDb } from '@bds/db';
import { today } from '@bds/shared';
import type { Actor } from '@bds/server/auth/principal.ts';
import { CASELOAD_HEADER, exportCaseload } from '@bds/server/imports/export.ts';
import { importCaseload, readImportFile, storeImport } from '@bds/server/imports/service.ts';
import { writeGateOf } from '@bds/server/write-gate.ts';
import { toCsv } from '@bds/server/reports/csv.ts';
import { numberedFiscalCode } from '../api/helpers.ts';
import { REPORT_YEAR } from './endpoints.ts';

export interface ImportFigures {
  rows: number;
  bytes: number;
  dryRunMs: number;
  /** Null when the dry run found errors: the real run would refuse the file. */
  importMs: number | null;
  /** The longest stretch of the real run between two turns of the event loop. */
  longestTurnMs?: number;
  /** The most CPU time the process used in one of those stretches. */
  longestTurnCpuMs?: number;
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
    const records: (string | number)[][] = [];
    for await (const batch of exportCaseload(db, actor, { format: 'csv', year: REPORT_YEAR, serviceId: service.id }).batches(db))
      records.push(...batch);
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
    // Not inside a transaction of the bench's own: the import's would then be a savepoint, where
    // SQLite's in-memory statement journals made every write slower than the last (122 s on tier L).
    const rolledBack = new Error('bench: roll back the import');
    let longestTurnMs = 0;
    // On a loaded host a turn's wall-clock time also counts the waits for a core.
    let mostTurnCpuMs = 0;
    started = performance.now();
    // Read before the gate is asked for, as the route does: it parses the file in slices of its own.
    const source = await readImportFile(file, 'bench.csv');
    await writeGateOf(db)
      .transaction(db, async (turn) => {
        let turnStarted = performance.now();
        let turnCpu = process.cpuUsage();
        const timedTurn = async () => {
          longestTurnMs = Math.max(longestTurnMs, performance.now() - turnStarted);
          const cpu = process.cpuUsage(turnCpu);
          mostTurnCpuMs = Math.max(mostTurnCpuMs, (cpu.user + cpu.system) / 1000);
          await turn();
          turnStarted = performance.now();
          turnCpu = process.cpuUsage();
        };
        await storeImport(db, actor, source, timedTurn);
        await timedTurn();
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    const importMs = Math.round(performance.now() - started);
    return {
      rows,
      bytes: file.length,
      dryRunMs,
      importMs,
      longestTurnMs: Math.round(longestTurnMs),
      longestTurnCpuMs: Math.round(mostTurnCpuMs),
      projectsNew: preview.projects.new,
      errors,
    };
  } finally {
    db.$client.close();
  }
}
