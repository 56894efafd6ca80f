// How long CSV uploads hold the event loop: /api/health is called back to back while a valid
// 20,000-row month and then ten invalid 20,000-row files are uploaded, on a database file.
// Health is sent every 10 ms without waiting, so a request stuck behind a stall shows its length.
// Run: pnpm exec tsx tests/bench/upload-stall.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { migrateDb, openDb } from '@bds/db';
import { createTestContext } from '../api/helpers.ts';
import { activeProject } from '../api/work-helpers.ts';
import { percentile } from './percentile.ts';

const PROJECTS = 50;
const ROWS = 20_000;
const MONTH = '2025-03';

const dir = mkdtempSync(join(tmpdir(), 'bds-upload-stall-'));
const db = openDb(join(dir, 'bds.sqlite'));
migrateDb(db);
const ctx = await createTestContext({ db });
const { app, world } = ctx;
const coop = await ctx.as('coop.alfa');

const projectIds: number[] = [];
for (let i = 0; i < PROJECTS; i++) projectIds.push((await activeProject(ctx)).id);

/** As bytes: in this one process the client's encoding of ten 1.4 MB strings would count as the server's stall. */
function monthFile(valid: boolean, nonce: string): Buffer {
  const lines = ['ptriId;date;axis;activity;hours;operatorRole;notes'];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const hours = valid ? '0,25' : '25';
    lines.push(`${projectIds[i % PROJECTS]};${MONTH}-${day};sociality;Attività di socializzazione;${hours};Educatore;${nonce} ${i}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** Sends /api/health every 10 ms, without waiting for the previous answer, until `work` settles. */
async function healthDuring(work: Promise<unknown>) {
  const latencies: Promise<number>[] = [];
  const probe = () => {
    const started = performance.now();
    latencies.push(app.inject({ method: 'GET', url: '/api/health' }).then(() => performance.now() - started));
  };
  const timer = setInterval(probe, 10);
  probe();
  await work;
  // A little longer, so the ticks and probes stuck behind a stall at the end are counted too.
  await sleep(100);
  clearInterval(timer);
  return Promise.all(latencies);
}

async function scenario(name: string, files: Buffer[]) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let longestGap = 0;
  let last = performance.now();
  // CPU time between two ticks: on a loaded host the wall-clock gap also counts the time the
  // process waited for a core, which no change to the server can shorten.
  let mostCpu = 0;
  let lastCpu = process.cpuUsage();
  let ticks = 0;
  const ticker = setInterval(() => {
    ticks++;
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    const cpu = process.cpuUsage(lastCpu);
    mostCpu = Math.max(mostCpu, (cpu.user + cpu.system) / 1000);
    lastCpu = process.cpuUsage();
  }, 5);
  const started = performance.now();
  const uploads = Promise.all(
    files.map((file) =>
      coop({
        method: 'POST',
        url: `/api/cooperatives/${world.coops.alfa}/reports/${MONTH}/upload`,
        payload: file,
        headers: { 'content-type': 'text/csv' },
      }),
    ),
  );
  const latencies = await healthDuring(uploads);
  const replies = await uploads;
  const elapsed = performance.now() - started;
  clearInterval(ticker);
  delay.disable();
  const round = (ms: number) => Math.round(ms);
  console.log(
    `${name}: ${round(elapsed)} ms, statuses ${[...new Set(replies.map((r) => r.statusCode))].join(',')}, reply ${Math.round(replies[0]!.body.length / 1024)} KB; ` +
      `health ${latencies.length} calls, p50 ${round(percentile(latencies, 50))} ms, max ${round(Math.max(...latencies))} ms; ` +
      `longest gap between 5 ms ticks ${round(longestGap)} ms (${ticks} ticks), most CPU between two ${round(mostCpu)} ms; event-loop delay max ${round(delay.max / 1e6)} ms, p99 ${round(delay.percentile(99) / 1e6)} ms`,
  );
}

await scenario('valid 20,000-row upload', [monthFile(true, 'a')]);
await scenario(
  'ten invalid 20,000-row uploads in parallel',
  Array.from({ length: 10 }, (_, i) => monthFile(false, `bad${i}`)),
);

await ctx.close();
rmSync(dir, { recursive: true, force: true });
