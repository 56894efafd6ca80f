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
import { buildApp } from '@bds/server';
import { testConfig } from '@bds/server/config.ts';
import { PASSWORD, personBody, seedWorld, SUBMITTED_ON } from '../api/helpers.ts';
import { percentile } from './percentile.ts';

const PROJECTS = 50;
const ROWS = 20_000;
const MONTH = '2025-03';

const dir = mkdtempSync(join(tmpdir(), 'bds-upload-stall-'));
const db = openDb(join(dir, 'bds.sqlite'));
migrateDb(db);
const world = await seedWorld(db);
const app = await buildApp({ db, config: testConfig() });
await app.ready();

async function caller(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  const token = res.json<{ accessToken: string }>().accessToken;
  return (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...headers, authorization: `Bearer ${token}` }, payload: payload as string });
}
const cm = await caller('cm.navile');
const uvm = await caller('uvm.bologna');
const coop = await caller('coop.alfa');

const projectIds: number[] = [];
for (let i = 0; i < PROJECTS; i++) {
  const person = await cm('POST', '/api/persons', personBody(world.districts.bologna));
  const ptri = await cm('POST', '/api/ptris', {
    personId: person.json().id,
    serviceId: world.services.navile,
    lotId: world.lots.lot1,
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    intensity: 'medium',
    cooperativeIds: [world.coops.alfa],
    goals: [{ axis: 'habitat', description: 'Vivere in autonomia' }],
  });
  const id: number = ptri.json().id;
  await cm('POST', `/api/ptris/${id}/transitions`, { to: 'submitted', date: SUBMITTED_ON });
  const { revision } = (await cm('GET', `/api/ptris/${id}`)).json<{ revision: number }>();
  await cm('POST', `/api/ptris/${id}/signatures`, { revision, signer: 'person', name: 'Mario Rossi', date: SUBMITTED_ON, method: 'paper' });
  await uvm('POST', `/api/ptris/${id}/evaluations`, {
    date: '2024-12-20',
    kind: 'initial',
    members: [{ name: 'Anna Bianchi', role: 'Psichiatra', organisation: 'health_service' }],
    outcome: 'approved',
  });
  projectIds.push(id);
}

function monthFile(valid: boolean, nonce: string): string {
  const lines = ['ptriId;date;axis;activity;hours;operatorRole;notes'];
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const hours = valid ? '0,25' : '25';
    lines.push(`${projectIds[i % PROJECTS]};${MONTH}-${day};sociality;Attività di socializzazione;${hours};Educatore;${nonce} ${i}`);
  }
  return `${lines.join('\r\n')}\r\n`;
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

async function scenario(name: string, files: string[]) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let longestGap = 0;
  let last = performance.now();
  let ticks = 0;
  const ticker = setInterval(() => {
    ticks++;
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const uploads = Promise.all(
    files.map((file) =>
      coop('POST', `/api/cooperatives/${world.coops.alfa}/reports/${MONTH}/upload`, file, { 'content-type': 'text/csv' }),
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
      `longest gap between 5 ms ticks ${round(longestGap)} ms (${ticks} ticks); event-loop delay max ${round(delay.max / 1e6)} ms, p99 ${round(delay.percentile(99) / 1e6)} ms`,
  );
}

await scenario('valid 20,000-row upload', [monthFile(true, 'a')]);
await scenario(
  'ten invalid 20,000-row uploads in parallel',
  Array.from({ length: 10 }, (_, i) => monthFile(false, `bad${i}`)),
);

await app.close();
db.$client.close();
rmSync(dir, { recursive: true, force: true });
