// pnpm exec tsx tests/bench/report-cpu.ts --db <copy.sqlite> [--only <name part>] [--runs 300] [--http [--seconds 3]]
// Server CPU per answer of each report (issue 23). By default in process and without HTTP: the
// report's service function as its route calls it, access-log row included, timed by the
// process's CPU time over many calls after a warm-up. With --http, the whole request: the
// production server on the file, 64 connections for `--seconds` after a warm-up, and the server's
// CPU time from /proc (whole process and main thread) divided by its answers; that includes
// parsing, the token, validation, serializing and the group commit, which the in-process figure
// leaves out. Both are steadier than the benchmark's req/s on a shared host, and comparable
// between two builds run one after the other on copies of one file.
import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { openDb } from '@bds/db';
import { DEMO_PASSWORD } from '@bds/db/seed';
import { endpoints, type ReportCall } from './endpoints.ts';
import { readFixtures } from './fixtures.ts';
import { measure } from './load.ts';
import { cpuMsOf, startServer } from './processes.ts';
import { managerActor, runReport } from './raw-sql.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '300' },
    http: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
if (!values.db) throw new Error('--db is required');
const databasePath = values.db;
// The flats report only when asked for (`--only flats`): the others' figures of earlier runs were taken without it.
const reports = endpoints(readFixtures(databasePath)).filter(
  (e) => e.report && e.caller === 'manager' && (values.only ? e.name.includes(values.only) : !e.name.startsWith('flats')),
);

async function inProcess(runs: number) {
  const reader = new Database(databasePath, { readonly: true });
  const actor = managerActor(reader);
  reader.close();
  const db = openDb(databasePath);
  for (const { name, report } of reports) {
    const call: ReportCall = report!;
    for (let i = 0; i < 30; i++) await runReport(db, actor, call);
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) await runReport(db, actor, call);
    const used = process.cpuUsage(before);
    console.log(`${name}: ${((used.user + used.system) / runs).toFixed(0)} µs CPU per answer (${runs} answers)`);
  }
  db.$client.close();
}

async function overHttp(seconds: number) {
  const server = await startServer(databasePath);
  try {
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'manager', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const pid = server.process.pid!;
    for (const { name, path } of reports) {
      const request = { method: 'GET' as const, path, headers: { authorization: `Bearer ${accessToken}` } };
      await measure(server.baseUrl, request, 64, 1);
      const before = { all: cpuMsOf(pid), main: cpuMsOf(pid, true) };
      const figures = await measure(server.baseUrl, request, 64, seconds);
      const [all, main] = [cpuMsOf(pid) - before.all, cpuMsOf(pid, true) - before.main];
      if (figures.non2xx + figures.errors > 0) throw new Error(`${name}: ${figures.non2xx} non-2xx, ${figures.errors} errors`);
      const perAnswer = (ms: number) => ((1000 * ms) / figures.requests).toFixed(0);
      console.log(
        `${name}: ${perAnswer(main)} µs main-thread CPU per answer, ${perAnswer(all)} µs whole process (${figures.requests} answers, ${figures.requestsPerSecond} req/s, p99 ${figures.p99Ms} ms)`,
      );
    }
  } finally {
    await server.stop();
  }
}

if (values.http) await overHttp(Number(values.seconds));
else await inProcess(Number(values.runs));
