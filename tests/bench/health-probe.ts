// How long bulk work holds the server's event loop: /api/health is asked every 10 ms while the
// work runs, without waiting for the previous answer, so a request that arrives during a stall
// waits for its end (issue 23: no request may wait more than 100 ms behind bulk work).
import { percentile } from './percentile.ts';

export interface HealthFigures {
  healthCalls: number;
  healthP50Ms: number;
  healthMaxMs: number;
}

const HEALTH_EVERY_MS = 10;

const tenths = (value: number) => Math.round(value * 10) / 10;

/** Runs `work` while health is probed; gives its result, its wall time and health's latencies. */
export async function healthDuring<T>(
  baseUrl: string,
  work: () => Promise<T>,
): Promise<{ result: T; workMs: number; health: HealthFigures }> {
  const latencies: Promise<number>[] = [];
  const probe = () => {
    const started = performance.now();
    latencies.push(
      fetch(`${baseUrl}/api/health`)
        .then((response) => response.arrayBuffer())
        .then(() => performance.now() - started),
    );
  };
  const started = performance.now();
  const timer = setInterval(probe, HEALTH_EVERY_MS);
  probe();
  try {
    const result = await work();
    const workMs = Math.round(performance.now() - started);
    // A little longer, so that the probes stuck behind a stall at the very end are counted too.
    await new Promise((resolve) => setTimeout(resolve, 100));
    clearInterval(timer);
    const health = await Promise.all(latencies);
    return {
      result,
      workMs,
      health: { healthCalls: health.length, healthP50Ms: tenths(percentile(health, 50)), healthMaxMs: tenths(Math.max(...health)) },
    };
  } finally {
    clearInterval(timer);
  }
}
