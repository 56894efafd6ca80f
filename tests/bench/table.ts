// The benchmark's figures as the markdown table the README shows.
import type { BenchResult } from './result.ts';

const n = (value: number | undefined) => (value === undefined ? '–' : value.toLocaleString('en'));

export function markdownTable(result: BenchResult): string {
  const lines = [
    `Tier ${result.tier}: ${n(result.database.persons)} persons, ${n(result.database.projects)} projects, ${n(result.database.interventions)} interventions, ` +
      `${(result.database.bytes / 2 ** 20).toFixed(0)} MiB; ${result.machine.cpus} cores, Node ${result.machine.node}, ${result.durationSeconds} s per measurement.`,
    '',
    '| endpoint | req/s @64 | bare Fastify req/s @64 | share | p50 @1 (ms) | allowance (ms) | bare Fastify p50 @1 (ms) | own SQL p50 (ms) | p99 @64 (ms) | p99 @64, open connections (ms) | bare Fastify p99 @64 (ms) | main thread per answer @64 (µs) | idle cores @64 | max (ms) | max, open connections (ms) | non-2xx | reply bytes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const e of result.endpoints) {
    if (!e.c1 || !e.c64) {
      lines.push(`| ${e.name} | missing: ${(e.missing ?? '').split(' ')[0]} | | | | | | | | | | | | | | | |`);
      continue;
    }
    const share = e.bare64 ? `${Math.round((100 * e.c64.requestsPerSecond) / Math.max(1, e.bare64.requestsPerSecond))}%` : '–';
    lines.push(
      `| ${e.name} | ${n(e.c64.requestsPerSecond)} | ${n(e.bare64?.requestsPerSecond)} | ${share} | ${e.c1.p50Ms} | ${e.allowanceMs ?? '–'} | ${e.bare1?.p50Ms ?? '–'} | ` +
        `${e.sql ? e.sql.p50Ms : '–'} | ${e.c64.p99Ms} | ${e.c64.p99OpenMs} | ${e.bare64?.p99Ms ?? '–'} | ${n(e.cpu64?.mainUsPerAnswer)} | ${e.cpu64?.idleCores ?? '–'} | ${e.maxMs ?? '–'} | ${e.maxOpenMs ?? '–'} | ${e.c1.non2xx + e.c64.non2xx} | ${n(e.replyBytes ?? undefined)} |`,
    );
  }
  const u = result.upload;
  lines.push(
    '',
    `CSV month upload, ${n(u.rows)} rows: ${u.medianMs === null ? `not measured (${u.missing ?? ''})` : `${u.medianMs} ms median (${u.ms.join(', ')} ms; status ${u.status.join(', ')})`}. ` +
      `Server start-up ${result.server.startupMs} ms, resident memory ${result.server.rssAfterStartMiB} MiB after start, ${result.server.peakRssMiB} MiB peak.`,
  );
  if (result.fsync)
    lines.push('', `One fsync of the log's disk (4 KiB append + fdatasync): ${result.fsync.p50Ms} ms (median of ${result.fsync.samples}).`);
  for (const s of result.uploadStalls ?? []) {
    lines.push(
      '',
      `Health during ${s.scenario}: p50 ${s.healthP50Ms} ms, max ${s.healthMaxMs} ms over ${s.healthCalls} calls (uploads ${s.uploadMs} ms, status ${[...new Set(s.status)].join(', ')}).`,
    );
  }
  for (const s of result.bulkStalls ?? []) {
    lines.push(
      '',
      `Health during the ${s.scenario}: p50 ${s.healthP50Ms} ms, max ${s.healthMaxMs} ms over ${s.healthCalls} calls (${s.ms} ms, ${n(s.bytes)} bytes, status ${s.status}).`,
    );
  }
  const a = result.accessLogPersons;
  if (a) {
    lines.push(
      '',
      `Access-log row of a 50-row page (${a.rowsPerTransaction} rows a transaction, rolled back): ${a.withoutPersonsUs} µs without its person rows, ` +
        `${a.withPersonsUs} µs with its ${a.personsPerRow} persons staged and merged (median of ${n(a.transactions)} transactions, taking turns).`,
    );
  }
  const i = result.caseloadImport;
  if (i) {
    lines.push(
      '',
      `Caseload import, ${n(i.rows)} rows (${(i.bytes / 2 ** 20).toFixed(1)} MiB of CSV, ${n(i.projectsNew)} new projects, ${i.errors} errors): ` +
        `dry run ${i.dryRunMs} ms, import ${i.importMs === null ? 'not run' : `${i.importMs} ms`} (rolled back)` +
        (i.longestTurnMs === undefined
          ? '.'
          : `, longest turn ${i.longestTurnMs} ms (most CPU in a turn ${i.longestTurnCpuMs ?? '–'} ms).`),
    );
  }
  lines.push(
    '',
    result.overBudget.length === 0 ? 'Every budget met.' : `Over budget:\n${result.overBudget.map((b) => `- ${b}`).join('\n')}`,
  );
  return lines.join('\n');
}
