// The stall trace (issue 23): what the group commit, the checkpointer, the event loop and the
// collector did and when, as JSON lines written when the process exits. Off unless the server
// starts with STALL_TRACE=<file>; tests/bench/stall-trace.ts reads it beside the client's replies.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

/** Milliseconds since the epoch, to the microsecond: comparable across threads and processes. */
export const traceNow = (): number => performance.timeOrigin + performance.now();

let events: Record<string, unknown>[] | null = null;

export function tracing(): boolean {
  return events !== null;
}

export function traceEvent(kind: string, fields: Record<string, unknown>): void {
  events?.push({ kind, ...fields });
}

/** How many events of a kind have been recorded so far. */
export function tracedCount(kind: string): number {
  return events?.filter((e) => e.kind === kind).length ?? 0;
}

/** Starts recording; the events are written to `path` when the process exits. */
export function enableTrace(path: string): void {
  if (events) return;
  const recorded: Record<string, unknown>[] = (events = []);
  process.on('exit', () => writeFileSync(path, recorded.map((e) => `${JSON.stringify(e)}\n`).join('')));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) traceEvent('gc', { t0: performance.timeOrigin + e.startTime, ms: e.duration });
  }).observe({ entryTypes: ['gc'] });
  // A 5 ms timer that fires more than 15 ms late means the event loop did not turn meanwhile.
  let due = traceNow() + 5;
  setInterval(() => {
    const t = traceNow();
    if (t - due > 15) traceEvent('lag', { t0: due, t1: t, ms: t - due });
    due = t + 5;
  }, 5).unref();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    traceEvent('eld', { t: traceNow(), p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 });
    delay.reset();
  }, 1000).unref();
}
