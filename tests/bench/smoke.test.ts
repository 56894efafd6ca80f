// CI smoke test of the benchmark: tier S end to end with short measurements. No timing is
// asserted here; the budgets are the benchmark's own exit code, run by hand on a quiet machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResult } from './result.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'bds-bench-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The CLI's exit code when it ran to the end but some budget was missed. */
const OVER_BUDGET = 3;

describe('pnpm bench --tier S', () => {
  it('generates the data, measures every endpoint and writes a well-formed result', () => {
    const out = join(workDir, 'S.json');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/bench/run.ts',
        '--tier',
        'S',
        '--db',
        join(workDir, 'S.sqlite'),
        '--duration',
        '0.5',
        '--uploads',
        '1',
        '--out',
        out,
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 230_000 },
    );
    expect([0, OVER_BUDGET], run.stderr).toContain(run.status);
    expect(run.stdout).toContain('| endpoint |');
    const result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
    expect(result.tier).toBe('S');
    expect(result.database.projects).toBe(3000);
    expect(result.server.startupMs).toBeGreaterThan(0);
    expect(result.endpoints.length).toBeGreaterThanOrEqual(18);
    for (const endpoint of result.endpoints) {
      expect(endpoint.missing, endpoint.name).toBeUndefined();
      expect(endpoint.c1?.requests, endpoint.name).toBeGreaterThan(0);
      // Timed to the microsecond: no answer takes zero time.
      expect(endpoint.c1?.p50Ms, endpoint.name).toBeGreaterThan(0);
      expect(endpoint.bare1?.p50Ms, endpoint.name).toBeGreaterThan(0);
      expect(endpoint.c64?.requests, endpoint.name).toBeGreaterThan(0);
      if (endpoint.kind === 'report') expect(endpoint.sql?.statements.length, endpoint.name).toBeGreaterThan(0);
    }
    expect(result.upload.status).toEqual([201]);
    // Health is asked throughout both upload cases; the valid file is stored, the invalid ones refused or held back by the upload slots.
    expect(result.uploadStalls?.map((s) => s.files)).toEqual([1, 10]);
    expect(result.uploadStalls?.[0]?.status).toEqual([201]);
    expect(result.uploadStalls?.[1]?.status.every((status) => status === 400 || status === 429)).toBe(true);
    for (const stall of result.uploadStalls ?? []) expect(stall.healthCalls, stall.scenario).toBeGreaterThan(0);
    // The exports and the backup ran to the end, with health asked throughout.
    expect(result.bulkStalls?.map((s) => s.scenario)).toEqual([
      'caseload export CSV, every service',
      'flats report CSV',
      'community activities CSV',
      'reviews due CSV',
      'online backup (pnpm backup)',
    ]);
    for (const bulk of result.bulkStalls ?? []) {
      expect(bulk.ok, bulk.scenario).toBe(true);
      expect(bulk.bytes, bulk.scenario).toBeGreaterThan(0);
      expect(bulk.healthCalls, bulk.scenario).toBeGreaterThan(0);
    }
    expect(result.fsync?.p50Ms).toBeGreaterThan(0);
    for (const endpoint of result.endpoints) {
      expect(endpoint.maxMs, endpoint.name).toBeGreaterThanOrEqual(endpoint.c1?.p50Ms ?? Infinity);
      if (endpoint.kind === 'report') expect(endpoint.allowanceMs, endpoint.name).toBeGreaterThan(1);
      // The server's main thread did work for its answers; the idle share is of this machine's cores.
      expect(endpoint.cpu64?.mainUsPerAnswer, endpoint.name).toBeGreaterThan(0);
      expect(endpoint.cpu64?.serverUsPerAnswer, endpoint.name).toBeGreaterThanOrEqual(endpoint.cpu64?.mainUsPerAnswer ?? Infinity);
      expect(endpoint.cpu64?.idleCores, endpoint.name).toBeGreaterThanOrEqual(0);
      expect(endpoint.cpu64?.idleCores, endpoint.name).toBeLessThanOrEqual(result.machine.cpus);
    }
    // The person rows of a 50-row page are measured beside the row alone; the 5,000-row import runs clean.
    expect(result.accessLogPersons?.personsPerRow).toBeGreaterThan(0);
    expect(result.accessLogPersons?.withPersonsUs).toBeGreaterThan(0);
    expect(result.caseloadImport).toMatchObject({ rows: 5000, projectsNew: 5000, errors: 0 });
    expect(result.caseloadImport?.importMs).toBeGreaterThan(0);
    expect(Array.isArray(result.budgets)).toBe(true);
    expect(result.overBudget).toEqual(result.budgets.filter((b) => !b.ok).map((b) => `${b.what}: ${b.actual} (budget ${b.limit})`));
  }, 240_000);
});
