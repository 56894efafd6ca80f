// How long bulk work holds the server's event loop: /api/health is asked every 10 ms while the
// work runs, without waiting for the previous answer, so a request that arrives during a stall
// waits for its end (issue 23: no request may wait more than 100 ms behind bulk work). The probes
// run in a worker thread of their own: sending ten large bodies or reading a large export holds
// the bench's main loop, and probes sent from it would count that wait as the server's. They go
// over connections opened before the work, as a browser keeps its own: the server accepts one new
// connection per turn of its loop, so a probe on a new one would wait behind the uploads' own
// connections, which is each connection's first answer, measured at 64 connections instead.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { percentile } from './percentile.ts';

export interface HealthFigures {
  healthCalls: number;
  healthP50Ms: number;
  healthMaxMs: number;
}

const HEALTH_EVERY_MS = 10;
/** Enough open connections for 320 ms of probes in flight: a longer stall shows in the figures all the same. */
const PROBE_CONNECTIONS = 32;

const tenths = (value: number) => Math.round(value * 10) / 10;

/** Plain JavaScript, evaluated in the worker: opens its connections, says when it is probing, probes until told to stop, then posts every latency once all are answered. */
const PROBER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.connections });
const get = () => new Promise((resolve, reject) => {
  http.get(workerData.url, { agent }, (response) => response.resume().on('end', resolve).on('error', reject)).on('error', reject);
});
const latencies = [];
const probe = () => {
  const started = performance.now();
  latencies.push(get().then(() => performance.now() - started));
};
let timer;
Promise.all(Array.from({ length: workerData.connections }, get)).then(
  () => {
    timer = setInterval(probe, workerData.every);
    probe();
    parentPort.postMessage('probing');
  },
  (error) => parentPort.postMessage(String(error)),
);
parentPort.on('message', () => {
  clearInterval(timer);
  Promise.all(latencies).then(
    (ms) => parentPort.postMessage({ ms }),
    (error) => parentPort.postMessage({ error: String(error) }),
  );
});
`;

/** Runs `work` while health is probed; gives its result, its wall time and health's latencies. */
export async function healthDuring<T>(
  baseUrl: string,
  work: () => Promise<T>,
): Promise<{ result: T; workMs: number; health: HealthFigures }> {
  const prober = new Worker(PROBER, {
    eval: true,
    workerData: { url: `${baseUrl}/api/health`, every: HEALTH_EVERY_MS, connections: PROBE_CONNECTIONS },
  });
  try {
    const [ready] = (await once(prober, 'message')) as [unknown];
    if (ready !== 'probing') throw new Error(`health probe did not start: ${String(ready)}`);
    const started = performance.now();
    const result = await work();
    const workMs = Math.round(performance.now() - started);
    // A little longer, so that the probes stuck behind a stall at the very end are counted too.
    await new Promise((resolve) => setTimeout(resolve, 100));
    prober.postMessage('stop');
    const [answer] = (await once(prober, 'message')) as [{ ms?: number[]; error?: string }];
    if (!answer.ms) throw new Error(`health probe failed: ${answer.error}`);
    const health = answer.ms;
    return {
      result,
      workMs,
      health: { healthCalls: health.length, healthP50Ms: tenths(percentile(health, 50)), healthMaxMs: tenths(Math.max(...health)) },
    };
  } finally {
    await prober.terminate();
  }
}
