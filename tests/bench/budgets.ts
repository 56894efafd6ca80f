// The budgets of issue 23, checked against one run's figures (and tier S's, for growth).
import type { BenchResult, EndpointResult } from './result.ts';
import type { ImportFigures } from './caseload-import.ts';

export interface BudgetCheck {
  what: string;
  limit: string;
  actual: string;
  ok: boolean;
}

const MIN_BARE_SHARE = 0.15;
const P99_MAX_MS = 50;
const WRITE_P99_MAX_MS = 30;
const MAX_MS = 250;
const STALL_MAX_MS = 100;
const UPLOAD_MAX_MS = 1000;
const STARTUP_MAX_MS = 2000;
const RSS_MAX_MIB = 300;
const GROWTH_MAX = 2;
/** Latencies under a quarter of a millisecond differ by noise on these shared machines: growth is judged from at least that. */
const GROWTH_FLOOR_MS = 0.25;

function endpointChecks(e: EndpointResult): BudgetCheck[] {
  if (!e.c1 || !e.c64) return [{ what: `${e.name}: measured`, limit: 'route answers 2xx', actual: e.missing ?? 'not measured', ok: false }];
  const checks: BudgetCheck[] = [];
  const failed = e.c1.non2xx + e.c1.errors + e.c64.non2xx + e.c64.errors;
  checks.push({ what: `${e.name}: non-2xx`, limit: '0', actual: String(failed), ok: failed === 0 });
  const answered = Math.min(e.c1.requests, e.c64.requests);
  if (answered === 0) return [...checks, { what: `${e.name}: answered`, limit: '≥ 1 request per measurement', actual: '0', ok: false }];
  if (e.allowanceMs !== undefined && e.sql && e.bare1) {
    checks.push({
      what: `${e.name}: p50 against its allowance`,
      limit: `≤ ${e.allowanceMs} ms (SQL ${e.sql.p50Ms} + bare ${e.bare1.p50Ms} + fsync + 1)`,
      actual: `${e.c1.p50Ms} ms`,
      ok: e.c1.p50Ms <= e.allowanceMs,
    });
  }
  if (e.bare64) {
    const share = e.c64.requestsPerSecond / Math.max(1, e.bare64.requestsPerSecond);
    checks.push({
      what: `${e.name}: req/s vs bare Fastify`,
      limit: `≥ ${MIN_BARE_SHARE * 100}%`,
      actual: `${(share * 100).toFixed(0)}%`,
      ok: share >= MIN_BARE_SHARE,
    });
  }
  const p99Limit = e.kind === 'write' ? WRITE_P99_MAX_MS : P99_MAX_MS;
  checks.push({
    what: `${e.name}: p99 at 64 connections`,
    limit: `≤ ${p99Limit} ms`,
    actual: `${e.c64.p99Ms} ms`,
    ok: e.c64.p99Ms <= p99Limit,
  });
  const maxMs = e.maxMs ?? Math.max(e.c1.maxMs, e.c64.maxMs);
  checks.push({ what: `${e.name}: slowest answer`, limit: `≤ ${MAX_MS} ms`, actual: `${maxMs} ms`, ok: maxMs <= MAX_MS });
  return checks;
}

export const overBudgetLine = (b: BudgetCheck) => `${b.what}: ${b.actual} (budget ${b.limit})`;

/** The caseload import is bulk work: no maximum, but it must give the event loop back (issue 23's stall rule). */
export function importChecks(i: ImportFigures): BudgetCheck[] {
  if (i.longestTurnMs === undefined) return [];
  return [
    {
      what: `caseload import (${i.rows.toLocaleString('en')} rows): longest turn`,
      limit: `≤ ${STALL_MAX_MS} ms`,
      actual: `${i.longestTurnMs} ms`,
      ok: i.longestTurnMs <= STALL_MAX_MS,
    },
  ];
}

export function checkBudgets(result: BenchResult, baseline: BenchResult | null): BudgetCheck[] {
  const checks = result.endpoints.flatMap(endpointChecks);
  const upload = result.upload;
  checks.push(
    upload.medianMs === null
      ? { what: 'CSV upload (10,000 rows)', limit: `≤ ${UPLOAD_MAX_MS} ms`, actual: upload.missing ?? 'not measured', ok: false }
      : {
          what: 'CSV upload (10,000 rows)',
          limit: `≤ ${UPLOAD_MAX_MS} ms, 2xx`,
          actual: `${upload.medianMs} ms (${upload.status.join(', ')})`,
          ok: upload.medianMs <= UPLOAD_MAX_MS && upload.status.every((s) => s < 300),
        },
  );
  for (const stall of [...(result.uploadStalls ?? []), ...(result.bulkStalls ?? [])]) {
    checks.push({
      what: `health during ${stall.scenario}`,
      limit: `≤ ${STALL_MAX_MS} ms`,
      actual: `${stall.healthMaxMs} ms (${stall.healthCalls} calls)`,
      ok: stall.healthMaxMs <= STALL_MAX_MS,
    });
  }
  for (const bulk of result.bulkStalls ?? []) {
    checks.push({ what: `${bulk.scenario}: completed`, limit: 'success', actual: `status ${bulk.status}`, ok: bulk.ok });
  }
  checks.push({
    what: 'server start-up',
    limit: `≤ ${STARTUP_MAX_MS} ms`,
    actual: `${result.server.startupMs} ms`,
    ok: result.server.startupMs <= STARTUP_MAX_MS,
  });
  checks.push({
    what: 'resident memory (peak)',
    limit: `≤ ${RSS_MAX_MIB} MiB`,
    actual: `${result.server.peakRssMiB} MiB`,
    ok: result.server.peakRssMiB <= RSS_MAX_MIB,
  });
  if (baseline && baseline.tier !== result.tier) {
    for (const e of result.endpoints) {
      const before = baseline.endpoints.find((b) => b.name === e.name)?.c1;
      if (!before || !e.c1) continue;
      const growth = e.c1.p50Ms / Math.max(before.p50Ms, GROWTH_FLOOR_MS);
      checks.push({
        what: `${e.name}: p50 growth from ${baseline.tier}`,
        limit: `≤ ${GROWTH_MAX}×`,
        actual: `${growth.toFixed(2)}× (${before.p50Ms} → ${e.c1.p50Ms} ms)`,
        ok: growth <= GROWTH_MAX,
      });
    }
  }
  return checks;
}
