// Load measurements: requests per second, latency percentiles and failed answers. Many
// connections through autocannon; one connection by a sequential loop timed in microseconds,
// since autocannon's latencies are whole milliseconds and most answers here take less than one.
import autocannon from 'autocannon';
import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './percentile.ts';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Called for every request, so each one can read a different record. */
  path: () => string;
  body?: () => string;
  headers: Record<string, string>;
}

export interface LoadFigures {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The slowest answer of the measurement (of every round, for a median of rounds). */
  maxMs: number;
  /**
   * The slowest answer on a connection that had been answered before. Each measurement opens its
   * connections anew, and a busy server accepts one connection per turn of its event loop (libuv
   * since 1.45), so the first answers of 64 new connections wait behind up to 64 turns.
   */
  maxOpenMs: number;
  /** p99 of the same answers: a round of fewer than 6,400 answers has its p99 among the 64 first ones. */
  p99OpenMs: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** `amount` (at least `connections`) stops the measurement after that many requests, if it comes before the end of its duration. */
export async function measure(
  baseUrl: string,
  request: LoadRequest,
  connections: number,
  durationSeconds: number,
  amount?: number,
): Promise<LoadFigures> {
  const answered = new WeakSet<object>();
  const open: number[] = [];
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const run = autocannon(
      {
        url: baseUrl,
        connections,
        duration: durationSeconds,
        // autocannon stops at its first sample after the deadline: a sub-second measurement would
        // otherwise last a whole second.
        sampleInt: Math.min(1000, durationSeconds * 1000),
        ...(amount === undefined ? {} : { maxOverallRequests: Math.max(connections, amount) }),
        requests: [
          {
            method: request.method,
            headers: request.body ? { ...request.headers, 'content-type': 'application/json' } : request.headers,
            setupRequest: (req) => ({ ...req, path: request.path(), ...(request.body ? { body: request.body() } : {}) }),
          },
        ],
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
    run.on('response', (client: object, _status: number, _bytes: number, ms: number) => {
      if (answered.has(client)) open.push(ms);
      else answered.add(client);
    });
  });
  return {
    connections,
    // Over the run's own duration: autocannon's average is of whole-second samples.
    requestsPerSecond: Math.round(result.requests.total / Math.max(result.duration, 0.001)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    maxOpenMs: ms(Math.max(0, ...open)),
    p99OpenMs: ms(percentile(open, 99)),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const ms = (value: number) => Math.round(value * 1000) / 1000;

/** Rounds of one measurement taken between others: the median round's req/s and latencies, every round's requests and failures. */
export function medianOf(rounds: readonly LoadFigures[]): LoadFigures {
  if (rounds.length === 0) throw new Error('no rounds to take the median of');
  const sum = (pick: (f: LoadFigures) => number) => rounds.reduce((total, f) => total + pick(f), 0);
  return {
    connections: rounds[0]!.connections,
    requestsPerSecond: percentile(
      rounds.map((f) => f.requestsPerSecond),
      50,
    ),
    p50Ms: percentile(
      rounds.map((f) => f.p50Ms),
      50,
    ),
    p99Ms: percentile(
      rounds.map((f) => f.p99Ms),
      50,
    ),
    maxMs: Math.max(...rounds.map((f) => f.maxMs)),
    maxOpenMs: Math.max(...rounds.map((f) => f.maxOpenMs)),
    p99OpenMs: percentile(
      rounds.map((f) => f.p99OpenMs),
      50,
    ),
    requests: sum((f) => f.requests),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
  };
}

/** One request after the other on one kept-alive connection for `durationSeconds`, each timed from send to the reply's last byte. */
export async function measureSequential(
  baseUrl: string,
  request: LoadRequest,
  durationSeconds: number,
  amount = Infinity,
): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = () =>
    new Promise<number>((resolve, reject) => {
      const path = request.path();
      const body = request.body?.();
      const headers = body ? { ...request.headers, 'content-type': 'application/json' } : request.headers;
      const req = httpRequest({ agent, host: url.hostname, port: url.port, method: request.method, path, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  const deadline = performance.now() + durationSeconds * 1000;
  try {
    while (performance.now() < deadline && latencies.length + errors < amount) {
      const started = performance.now();
      try {
        const status = await send();
        latencies.push(performance.now() - started);
        if (status < 200 || status >= 300) non2xx++;
      } catch {
        errors++;
      }
    }
  } finally {
    agent.destroy();
  }
  return {
    connections: 1,
    requestsPerSecond: Math.round(latencies.length / durationSeconds),
    p50Ms: ms(percentile(latencies, 50)),
    p99Ms: ms(percentile(latencies, 99)),
    maxMs: ms(Math.max(0, ...latencies)),
    maxOpenMs: ms(Math.max(0, ...latencies.slice(1))),
    p99OpenMs: ms(percentile(latencies.slice(1), 99)),
    requests: latencies.length,
    non2xx,
    errors,
  };
}
