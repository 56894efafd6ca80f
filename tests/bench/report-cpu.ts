// pnpm exec tsx tests/bench/report-cpu.ts --db <copy.sqlite> [--runs 300]
// Server CPU per answer of each report (issue 23), in process and without HTTP: the report's
// service function as its route calls it, access-log row included, timed by the process's CPU
// time over many calls after a warm-up. Steadier than CPU per answer under 64 connections on a
// shared host, and comparable between two builds run one after the other on copies of one file.
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { openDb } from '@bds/db';
import { REPORT_MONTH, REPORT_YEAR, type ReportCall } from './endpoints.ts';
import { managerActor, runReport } from './raw-sql.ts';

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '300' } } });
if (!values.db) throw new Error('--db is required');
const runs = Number(values.runs);
const calls: [string, ReportCall][] = [
  ['reviews due', { report: 'reviews-due', within: 30 }],
  ['caseload', { report: 'caseload' }],
  ['lot totals, year', { report: 'lot-totals', year: REPORT_YEAR }],
  ['lot totals, month', { report: 'lot-totals', month: REPORT_MONTH }],
  ['yearly counts', { report: 'yearly-counts', year: REPORT_YEAR, lot: 1 }],
  ['outcomes, year', { report: 'outcomes', year: REPORT_YEAR }],
  ['budget composition', { report: 'budget-composition', year: REPORT_YEAR }],
];
const reader = new Database(values.db, { readonly: true });
const actor = managerActor(reader);
reader.close();
const db = openDb(values.db);
for (const [name, call] of calls) {
  for (let i = 0; i < 30; i++) await runReport(db, actor, call);
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) await runReport(db, actor, call);
  const used = process.cpuUsage(before);
  console.log(`${name}: ${((used.user + used.system) / runs).toFixed(0)} µs CPU per answer (${runs} answers)`);
}
db.$client.close();
