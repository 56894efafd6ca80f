// pnpm exec tsx tests/bench/stall-trace.ts --db <copy.sqlite> --fresh <bench-S.sqlite> --path '/api/reports/reviews-due?within=30'
// Where the slow answers at 64 connections come from (issue 23). Runs the production bundle with
// the stall trace on (STALL_TRACE, db/src/trace.ts), loads one path for a few seconds with
// autocannon, then sets every answer the client saw beside the server's trace: each request's time
// inside the server, the group commit's commits and fsyncs, the checkpoints, GC pauses, the event
// loop's lag, and the server's CPU time per answer (from /proc). `--env K=V` passes more to the
// server, `--node=<flag>` to node (e.g. `--node=--cpu-prof`). It writes into `--db`: `--fresh`
// copies a pristine bench file there first, so that runs compared start from the same log.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '@bds/db/seed';
import { buildServerBundle, productionServerArgs, SERVER_DIR } from '../production-server.ts';
import { percentile } from './percentile.ts';
import { cpuMsOf } from './processes.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    fresh: { type: 'string' },
    path: { type: 'string' },
    caller: { type: 'string', default: 'manager' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    env: { type: 'string', multiple: true, default: [] },
    node: { type: 'string', multiple: true, default: [] },
    trace: { type: 'string', default: resolve('data/stall-trace.jsonl') },
    slowMs: { type: 'string', default: '200' },
  },
});
if (!values.db || !values.path) throw new Error('--db and --path are required');
const databasePath = resolve(values.db);
if (values.fresh) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  copyFileSync(resolve(values.fresh), databasePath);
}
const tracePath = resolve(values.trace);
rmSync(tracePath, { force: true });

type TraceEvent = Record<string, number> & { kind: string };
const now = () => performance.timeOrigin + performance.now();
const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

buildServerBundle();
const port = await freePort();
const nodeArgs = productionServerArgs();
const script = nodeArgs.pop()!;
const server = spawn(process.execPath, [...nodeArgs, ...values.node, script], {
  cwd: SERVER_DIR,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_PATH: databasePath,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    STALL_TRACE: tracePath,
    ...Object.fromEntries(values.env.map((pair) => pair.split('=', 2) as [string, string])),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  if (server.exitCode !== null || tries > 3000) throw new Error('the server did not start');
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((wait) => setTimeout(wait, 10));
}
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: values.caller, password: DEMO_PASSWORD }),
});
const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
const probe = await fetch(base + values.path, { headers });
if (!probe.ok) throw new Error(`${values.path}: ${probe.status} ${await probe.text()}`);

const load = (seconds: number, onReply?: (status: number, ms: number, client: object) => void) =>
  new Promise<void>((done, fail) => {
    const run = autocannon({ url: base + values.path, connections: Number(values.connections), duration: seconds, headers }, (error) =>
      error ? fail(error) : done(),
    );
    if (onReply) run.on('response', (client: object, status: number, _bytes: number, ms: number) => onReply(status, ms, client));
  });
// Unrecorded first, as the benchmark does: V8 has compiled the route and the disk given its pages.
await load(1);
const replies: { t0: number; t1: number; ms: number; status: number; connection: number; nth: number }[] = [];
// Each connection's answers numbered in order: whether a slow answer is a connection's first.
const connections = new Map<object, { id: number; answers: number }>();
const cpuBefore = { all: cpuMsOf(server.pid!), main: cpuMsOf(server.pid!, true) };
const start = now();
await load(Number(values.duration), (status, ms, client) => {
  const t1 = now();
  let connection = connections.get(client);
  if (!connection) connections.set(client, (connection = { id: connections.size, answers: 0 }));
  connection.answers += 1;
  replies.push({ t0: t1 - ms, t1, ms, status, connection: connection.id, nth: connection.answers });
});
const end = now();
const cpuAfter = { all: cpuMsOf(server.pid!), main: cpuMsOf(server.pid!, true) };
server.kill('SIGTERM');
await new Promise((exited) => server.once('exit', exited));

const events = readFileSync(tracePath, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as TraceEvent)
  .filter((e) => (e.t1 ?? e.t ?? e.t0)! >= start && (e.t0 ?? e.t)! <= end);
const ofKind = (kind: string) => events.filter((e) => e.kind === kind);
const spanOf = (e: TraceEvent) => e.ms ?? e.t1! - e.t0!;
const summary = (values: number[]) => {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return `n ${sorted.length}, p50 ${percentile(sorted, 50).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}, sum ${sum.toFixed(0)}`;
};
const seconds = (end - start) / 1000;
const latencies = replies.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  `${values.path} ${values.env.join(' ')}: ${Math.round(replies.length / seconds)} req/s; client p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms; 64 ÷ req/s ${((Number(values.connections) * 1000 * seconds) / replies.length).toFixed(0)} ms; non-2xx ${replies.filter((r) => r.status >= 300).length}`,
);
console.log(
  `  server CPU per answer ${((1000 * (cpuAfter.all - cpuBefore.all)) / replies.length).toFixed(0)} µs (main thread ${((1000 * (cpuAfter.main - cpuBefore.main)) / replies.length).toFixed(0)} µs), ${((cpuAfter.all - cpuBefore.all) / (10 * seconds)).toFixed(0)}% of one core`,
);
const requests = ofKind('request');
console.log(`  inside the server (onRequest → onResponse), ms: ${summary(requests.map(spanOf))}`);
const commits = ofKind('commit');
console.log(
  `  commits, ms: ${summary(commits.map(spanOf))}; rows each: ${summary(commits.map((c) => c.rows!))}; persons shown each: ${summary(commits.map((c) => c.persons!))}`,
);
const merges = commits.filter((c) => c.merged! > 0);
console.log(
  `  commits that merged shown persons into the person index, ms: ${summary(merges.map(spanOf))}; persons merged each: ${summary(merges.map((c) => c.merged!))}`,
);
console.log(
  `  first request queued → commit begins, ms: ${summary(commits.map((c) => c.t0! - c.queued!))}; commits while an fsync ran: ${commits.filter((c) => c.fsyncBusy).length}`,
);
const fsyncs = ofKind('fsync');
console.log(
  `  fsyncs (to their callback), ms: ${summary(fsyncs.map(spanOf))}; commits each: ${summary(fsyncs.map((f) => f.commits!))}; answers released each: ${summary(fsyncs.map((f) => f.released!))}`,
);
const checkpoints = ofKind('checkpoint');
console.log(
  `  checkpoints, ms: ${summary(checkpoints.map(spanOf))}; frames of the log checkpointed: ${summary(checkpoints.map((c) => c.checkpointed!))}; restarts on the main thread: ${summary(ofKind('restart').map(spanOf))}`,
);
console.log(`  GC pauses, ms: ${summary(ofKind('gc').map(spanOf))}; event loop late > 15 ms: ${summary(ofKind('lag').map(spanOf))}`);

// The slow answers, grouped into windows, with what else lasted over 20 ms in each.
const slowMs = Number(values.slowMs);
const windows: { t0: number; t1: number; n: number; maxMs: number }[] = [];
for (const r of replies.filter((r) => r.ms > slowMs).sort((a, b) => a.t0 - b.t0)) {
  const last = windows.at(-1);
  if (last && r.t0 <= last.t1) Object.assign(last, { t1: Math.max(last.t1, r.t1), n: last.n + 1, maxMs: Math.max(last.maxMs, r.ms) });
  else windows.push({ t0: r.t0, t1: r.t1, n: 1, maxMs: r.ms });
}
for (const w of windows.slice(0, 10)) {
  const inside = events.filter((e) => e.kind !== 'eld' && (e.t1 ?? e.t0)! >= w.t0 && e.t0! <= w.t1);
  const count = (kind: string) => inside.filter((e) => e.kind === kind).length;
  const long = inside
    .filter((e) => e.kind !== 'request' && spanOf(e) > 20)
    .map((e) => `${e.kind}@${(e.t0! - start).toFixed(0)}+${spanOf(e).toFixed(0)}`);
  console.log(
    `  answers over ${slowMs} ms sent ${(w.t0 - start).toFixed(0)}–${(w.t1 - start).toFixed(0)} ms: ${w.n} (slowest ${w.maxMs.toFixed(0)} ms); in that window ${count('request')} requests seen by the server, ${count('commit')} commits, ${count('fsync')} fsyncs, ${count('checkpoint')} checkpoints, ${count('gc')} GC; over 20 ms: ${long.slice(0, 12).join(' ') || 'none'}`,
  );
}
const slowest = [...replies].sort((a, b) => b.ms - a.ms).slice(0, 8);
console.log(
  `  slowest answers (ms, sent at ms from the start, connection's nth answer): ${slowest.map((r) => `${r.ms.toFixed(0)}@${(r.t0 - start).toFixed(0)}#${r.nth}`).join(' ')}`,
);
const firsts = replies.filter((r) => r.nth === 1).map((r) => r.ms);
console.log(
  `  each connection's first answer, ms: ${summary(firsts)}; later answers: ${summary(replies.filter((r) => r.nth > 1).map((r) => r.ms))}`,
);
// Per connection of the measurement: when the server accepted it and when it first saw a request on it.
const accepted = ofKind('connection').filter((c) => c.t! >= start - 50);
const firstSeen = new Map<number, number>();
for (const r of requests.sort((a, b) => a.t0! - b.t0!)) if (!firstSeen.has(r.port!)) firstSeen.set(r.port!, r.t0!);
console.log(
  `  connections accepted, ms from the start: ${summary(accepted.map((c) => c.t! - start))}; accept → first request read, ms: ${summary(accepted.map((c) => (firstSeen.get(c.port!) ?? NaN) - c.t!).filter((ms) => !Number.isNaN(ms)))}`,
);
