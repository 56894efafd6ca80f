// pnpm bench --tier S|M|L [--db <file>] [--duration <s>] [--out <json>] [--only <text> | --bulk-only]: measures the real server
// on a bench database (generated first when missing), writes tests/bench/results/<tier>.json,
// prints the markdown table and exits with OVER_BUDGET naming every budget that is not met.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateBenchDatabase, parseTier } from '@bds/db/bench';
import { runBenchmark } from './benchmark.ts';
import type { BenchResult } from './result.ts';
import { markdownTable } from './table.ts';
import { timeAccessLogPersons } from './access-log.ts';
import { timeCaseloadImport } from './caseload-import.ts';
import { importChecks, overBudgetLine } from './budgets.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The exit code when the run completed but some budget is not met (a crash exits with 1). */
export const OVER_BUDGET = 3;

const { values } = parseArgs({
  options: {
    tier: { type: 'string' },
    db: { type: 'string' },
    duration: { type: 'string' },
    out: { type: 'string' },
    uploads: { type: 'string' },
    only: { type: 'string' },
    // The bulk paths alone: the uploads, health during them and the caseload import, no endpoint.
    'bulk-only': { type: 'boolean' },
  },
});
const tier = parseTier(values.tier);
const databasePath = resolve(process.env.INIT_CWD ?? process.cwd(), values.db ?? `${repoRoot}data/bench-${tier}.sqlite`);
if (!existsSync(databasePath)) await generateBenchDatabase(tier, databasePath);

const resultsDir = `${repoRoot}tests/bench/results`;
const baselinePath = `${resultsDir}/S.json`;
const baseline = tier !== 'S' && existsSync(baselinePath) ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as BenchResult) : null;
const result = await runBenchmark({
  tier,
  databasePath,
  durationSeconds: Number(values.duration ?? 5),
  uploadRows: 10_000,
  uploads: Number(values.uploads ?? 3),
  baseline,
  ...(values.only ? { only: values.only } : {}),
  bulkOnly: values['bulk-only'] === true,
  log: (line) => console.error(line),
});
// After the server has stopped: both write on the bench database in transactions rolled back.
// `--only` measures endpoints alone, without them; `--bulk-only` keeps the import.
if (!values.only) {
  if (!values['bulk-only']) {
    result.accessLogPersons = timeAccessLogPersons(databasePath, 1000 * Number(values.duration ?? 5));
    console.error(
      `access-log row of a 50-row page: ${result.accessLogPersons.withoutPersonsUs} µs, with its person rows ${result.accessLogPersons.withPersonsUs} µs`,
    );
  }
  result.caseloadImport = await timeCaseloadImport(databasePath, 5_000);
  console.error(
    `caseload import of 5,000 rows: dry run ${result.caseloadImport.dryRunMs} ms, import ${result.caseloadImport.importMs ?? '–'} ms, longest turn ${result.caseloadImport.longestTurnMs ?? '–'} ms (CPU ${result.caseloadImport.longestTurnCpuMs ?? '–'} ms)`,
  );
  const checks = importChecks(result.caseloadImport);
  result.budgets.push(...checks);
  result.overBudget.push(...checks.filter((b) => !b.ok).map(overBudgetLine));
}
const out = values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : `${resultsDir}/${tier}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(markdownTable(result));
if (result.overBudget.length > 0) {
  console.error(`\nOver budget on tier ${tier}:\n${result.overBudget.map((b) => `  ${b}`).join('\n')}`);
  process.exit(OVER_BUDGET);
}
