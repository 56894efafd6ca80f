// One benchmark run: the real server and a bare Fastify on the same machine, every endpoint at
// 1 and 64 connections, each report's own SQL, the CSV upload, start-up time and memory.
import { cpus, totalmem } from 'node:os';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Tier } from '@bds/db/bench';
import { DEMO_PASSWORD } from '@bds/db/seed';
import { endpoints, type Caller, type Endpoint } from './endpoints.ts';
import { quarterHours, readFixtures } from './fixtures.ts';
import { measure, measureSequential, medianOf, type LoadFigures } from './load.ts';
import { startBareServer, startServer, type Child } from './processes.ts';
import { timeReportSql } from './raw-sql.ts';
import { timeUploads, uploadStalls } from './upload.ts';
import { bulkStalls } from './bulk-stall.ts';
import { allowanceMs, fsyncFigures, fsyncSamples } from './fsync.ts';
import { checkBudgets, overBudgetLine } from './budgets.ts';
import { CpuMeter } from './cpu-split.ts';
import type { BenchResult, EndpointResult } from './result.ts';

export interface BenchOptions {
  tier: Tier;
  databasePath: string;
  durationSeconds: number;
  uploadRows: number;
  uploads: number;
  baseline: BenchResult | null;
  /** Measure only the endpoints whose name contains this text (or one of several separated by `|`). */
  only?: string;
  /** Measure no endpoint: only the uploads, the exports, the backup and health during them. */
  bulkOnly?: boolean;
  log: (line: string) => void;
}

/** Three rounds of at least a second each (autocannon measures whole seconds); one for a short smoke run. */
const roundsOf = (durationSeconds: number) => (durationSeconds >= 3 ? 3 : 1);

/**
 * How many requests each part of a measurement may send when the endpoint's data has room for
 * only `capacity` (a write round): a tenth for the warm-up, a fifth at one connection, the rest
 * shared by the rounds at 64, less the probes; null when that leaves a round fewer than 64.
 */
function sharesOf(capacity: number | undefined, rounds: number) {
  if (capacity === undefined) return { warmUp: undefined, sequential: undefined, round: undefined };
  const usable = capacity - (2 + rounds);
  const share = { warmUp: Math.floor(usable / 10), sequential: Math.floor(usable / 5), round: Math.floor((usable * 0.7) / rounds) };
  return share.warmUp >= 64 && share.round >= 64 ? share : null;
}

/** fdatasync samples of the log's disk, taken at the start and again at the end of the run. */
const FSYNC_SAMPLES = 50;

/** The rows of each file of the upload stall measure (issue 23). */
const STALL_ROWS = 20_000;

/** A fifth of a measurement, at least half a second: long enough for V8 to optimize a route's code. */
const warmUpSeconds = (durationSeconds: number) => Math.max(0.5, durationSeconds / 5);

async function login(baseUrl: string, username: Caller): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One request first: a route that is not there (or fails) is reported, not measured. */
async function probe(baseUrl: string, endpoint: Endpoint, token: string): Promise<{ ok: boolean; bytes: number; detail: string }> {
  const response = await fetch(`${baseUrl}${endpoint.path()}`, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${token}`, ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
    ...(endpoint.body ? { body: endpoint.body() } : {}),
  });
  const text = await response.text();
  return { ok: response.ok, bytes: Buffer.byteLength(text), detail: `${response.status} ${text.slice(0, 200)}` };
}

function tableSizes(databasePath: string) {
  const db = new Database(databasePath, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT MAX(rowid) AS n FROM ${table}`).get() as { n: number | null }).n ?? 0;
    return { persons: count('persons'), projects: count('ptris'), interventions: count('interventions') };
  } finally {
    db.close();
  }
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const { log, durationSeconds: d } = options;
  const fixtures = readFixtures(options.databasePath);
  const database = { path: options.databasePath, bytes: statSync(options.databasePath).size, ...tableSizes(options.databasePath) };
  const fsyncTimings = fsyncSamples(options.databasePath, FSYNC_SAMPLES);
  const server = await startServer(options.databasePath);
  const afterStart = server.memory();
  log(`server up in ${server.startupMs} ms, ${afterStart.rssMiB} MiB resident`);
  let bare: Child | null = null;
  try {
    bare = await startBareServer();
    const tokens = new Map<Caller, string>();
    for (const caller of ['casemanager', 'manager', 'coop', 'coop.paco'] as const) tokens.set(caller, await login(server.baseUrl, caller));
    const results: EndpointResult[] = [];
    const measured = options.bulkOnly
      ? []
      : endpoints(fixtures).filter((e) => !options.only || options.only.split('|').some((part) => e.name.includes(part)));
    for (const endpoint of measured) {
      const token = tokens.get(endpoint.caller) ?? '';
      const first = await probe(server.baseUrl, endpoint, token);
      const base: EndpointResult = { name: endpoint.name, kind: endpoint.kind, caller: endpoint.caller, replyBytes: first.bytes };
      if (!first.ok) {
        log(`${endpoint.name}: not measured (${first.detail})`);
        results.push({ ...base, replyBytes: null, missing: first.detail });
        continue;
      }
      const request = { method: endpoint.method, path: endpoint.path, body: endpoint.body, headers: { authorization: `Bearer ${token}` } };
      const rounds = roundsOf(d);
      const share = sharesOf(endpoint.capacity, rounds);
      if (share === null) {
        const detail = `room for ${endpoint.capacity} writes in the data, fewer than a measurement needs`;
        log(`${endpoint.name}: not measured (${detail})`);
        results.push({ ...base, missing: detail });
        continue;
      }
      // Unrecorded first: the server's code for this route compiled by V8 and its pages read from
      // the disk, so that the figures are those of a server that has been answering for a while.
      await measure(server.baseUrl, request, 64, warmUpSeconds(d), share.warmUp);
      await probe(server.baseUrl, endpoint, token);
      const c1 = await measureSequential(server.baseUrl, request, d, share.sequential);
      const bareRequest = { method: 'GET' as const, path: () => `/bare?bytes=${first.bytes}`, headers: {} };
      const bare1 = await measureSequential(bare.baseUrl, bareRequest, Math.min(d, 2));
      // At 64 connections the server and bare Fastify take turns, each round a part of the
      // measurement, and each gives its median round: the host's speed changes within a minute
      // here (bare Fastify's req/s by up to three times), and a ratio of two figures taken
      // minutes apart measured the host as much as the server.
      const ours: LoadFigures[] = [];
      const bares: LoadFigures[] = [];
      const cpu = new CpuMeter(server.process.pid ?? 0);
      for (let round = 0; round < rounds; round++) {
        cpu.start();
        ours.push(await measure(server.baseUrl, request, 64, d / rounds, share.round));
        cpu.stop();
        // autocannon stops sending at the deadline, not when the server has answered the queue:
        // one more request waits behind that backlog, so the next measurement starts on a quiet server.
        await probe(server.baseUrl, endpoint, token);
        bares.push(await measure(bare.baseUrl, bareRequest, 64, d / rounds));
      }
      const c64 = medianOf(ours);
      const cpu64 = cpu.split(ours.reduce((sum, round) => sum + round.requests, 0));
      const bare64 = medianOf(bares);
      const sql = endpoint.report ? await timeReportSql(options.databasePath, endpoint.report, 5, 500 * Math.min(d, 4)) : undefined;
      const maxMs = Math.max(c1.maxMs, c64.maxMs);
      const maxOpenMs = Math.max(c1.maxOpenMs, c64.maxOpenMs);
      log(
        `${endpoint.name}: ${c64.requestsPerSecond} req/s (bare ${bare64.requestsPerSecond}), p50 ${c1.p50Ms} ms (bare ${bare1.p50Ms}), p99@64 ${c64.p99Ms} ms (${c64.p99OpenMs} on open connections; bare ${bare64.p99Ms}), max ${maxMs} ms (${maxOpenMs} on open connections)${sql ? `, SQL ${sql.p50Ms} ms` : ''}; ` +
          `@64 main thread ${cpu64.mainUsPerAnswer} µs an answer (process ${cpu64.serverUsPerAnswer}), client ${cpu64.clientCores} cores, idle ${cpu64.idleCores} cores`,
      );
      results.push({ ...base, c1, c64, bare1, bare64, cpu64, maxMs, maxOpenMs, ...(sql ? { sql } : {}) });
    }
    // A person may have 24 hours a day: the valid file takes at most a quarter of the room left in
    // the month for the cooperative's projects, so that the timed uploads after it still fit; a
    // short smoke run sends a tenth.
    const uploadRoom = quarterHours(fixtures.uploadRoom).total;
    const stallRows = Math.min(STALL_ROWS, Math.floor(uploadRoom / 4)) / (d >= 3 ? 1 : 10);
    // `--only` measures endpoints alone: the uploads take minutes on tier L and measure no endpoint.
    const noUploads = fixtures.workProjectIds.length === 0 || options.only !== undefined;
    const stalls = noUploads ? [] : await uploadStalls(server.baseUrl, tokens.get('coop') ?? '', fixtures, Math.floor(stallRows));
    for (const s of stalls) {
      log(
        `${s.scenario}: ${s.uploadMs} ms (${s.status.join(', ')}); health p50 ${s.healthP50Ms} ms, max ${s.healthMaxMs} ms over ${s.healthCalls} calls`,
      );
    }
    const uploadFigures = noUploads
      ? {
          rows: options.uploadRows,
          status: [],
          ms: [],
          medianMs: null,
          missing: options.only === undefined ? 'no active project of the demo cooperative today' : 'not measured with --only',
        }
      : await timeUploads(server.baseUrl, tokens.get('coop') ?? '', fixtures, options.uploadRows, options.uploads);
    log(`CSV upload of ${options.uploadRows} rows: ${uploadFigures.ms.join(', ')} ms (${uploadFigures.status.join(', ')})`);
    const bulk = options.only === undefined ? await bulkStalls(server.baseUrl, tokens.get('manager') ?? '', options.databasePath) : [];
    for (const s of bulk) {
      log(
        `${s.scenario}: ${s.ms} ms, ${s.bytes} bytes (status ${s.status}); health p50 ${s.healthP50Ms} ms, max ${s.healthMaxMs} ms over ${s.healthCalls} calls`,
      );
    }
    fsyncTimings.push(...fsyncSamples(options.databasePath, FSYNC_SAMPLES));
    const fsync = fsyncFigures(fsyncTimings);
    log(`one fsync of the log's disk: ${fsync.p50Ms} ms (median of ${fsync.samples})`);
    for (const e of results) {
      if (e.sql && e.bare1) e.allowanceMs = allowanceMs(e.sql.p50Ms, e.bare1.p50Ms, fsync.p50Ms);
    }
    const result: BenchResult = {
      tier: options.tier,
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, memoryGiB: Math.round(totalmem() / 2 ** 30) },
      database,
      durationSeconds: d,
      server: { startupMs: server.startupMs, rssAfterStartMiB: afterStart.rssMiB, peakRssMiB: server.memory().peakRssMiB },
      endpoints: results,
      upload: uploadFigures,
      uploadStalls: stalls,
      bulkStalls: bulk,
      fsync,
      budgets: [],
      overBudget: [],
    };
    result.budgets = checkBudgets(result, options.baseline);
    result.overBudget = result.budgets.filter((b) => !b.ok).map(overBudgetLine);
    return result;
  } finally {
    await bare?.stop();
    await server.stop();
  }
}
