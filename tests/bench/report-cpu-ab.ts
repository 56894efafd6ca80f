// pnpm exec tsx tests/bench/report-cpu-ab.ts --db <file> --old <other worktree> [--only <name part>] [--rounds 15] [--block 40] [--readonly]
// CPU per answer of the manager reports in two builds, side by side in one process on one file:
// this worktree's service functions and those of another checkout (`--old`, e.g. `git worktree add
// --detach /tmp/old main` with its own `pnpm install`), each report run in blocks that alternate
// between the builds, the process's CPU time per answer taken per block and the medians printed.
// On a shared host this tells two builds apart where runs one after the other do not. With
// `--readonly` the file is opened read-only: the access-log row each report ends with fails and is
// left out, which is how the shared tier L file may be measured.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, type Db } from '@bds/db';
import type { Actor } from '@bds/server/auth/principal.ts';
import { endpoints, type ReportCall } from './endpoints.ts';
import { readFixtures } from './fixtures.ts';
import { managerActor, runReport } from './raw-sql.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    old: { type: 'string' },
    only: { type: 'string', default: '' },
    rounds: { type: 'string', default: '15' },
    block: { type: 'string', default: '40' },
    readonly: { type: 'boolean', default: false },
  },
});
if (!values.db || !values.old) throw new Error('--db and --old are required');
const [rounds, block] = [Number(values.rounds), Number(values.block)];
type Run = (db: Db, actor: Actor, call: ReportCall) => Promise<void>;
const builds: [string, Run][] = [
  ['old', ((await import(resolve(values.old, 'tests/bench/raw-sql.ts'))) as { runReport: Run }).runReport],
  ['new', runReport],
];

const reader = new Database(values.db, { readonly: true });
const actor = managerActor(reader);
reader.close();
const db = values.readonly ? (drizzle(new Database(values.db, { readonly: true })) as Db) : openDb(values.db);
const answer = async (run: Run, call: ReportCall) => {
  try {
    await run(db, actor, call);
  } catch (error) {
    if (!(values.readonly && /readonly/i.test(String(error)))) throw error;
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

for (const { name, report } of endpoints(readFixtures(values.db)).filter(
  (e) => e.report && e.caller === 'manager' && e.name.includes(values.only),
)) {
  const call = report!;
  const perAnswer: Record<string, number[]> = { old: [], new: [] };
  for (const [, run] of builds) for (let i = 0; i < 20; i++) await answer(run, call);
  for (let round = 0; round < rounds; round++) {
    for (const [build, run] of round % 2 ? [...builds].reverse() : builds) {
      const before = process.cpuUsage();
      for (let i = 0; i < block; i++) await answer(run, call);
      const used = process.cpuUsage(before);
      perAnswer[build]!.push((used.user + used.system) / block);
    }
  }
  console.log(
    `${name}: CPU µs per answer, medians of ${rounds} blocks of ${block}: old ${median(perAnswer.old!).toFixed(0)}, new ${median(perAnswer.new!).toFixed(0)}`,
  );
}
db.$client.close();
