// Where the machine's CPU goes while an endpoint is loaded at 64 connections: the server's main
// thread, the whole server process, the bench's own client and what is left idle. A busy main thread
// puts the mean answer at 64 × its time per answer; the idle cores bound what a second thread could take.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { cpuMsOf } from './processes.ts';

export interface CpuSplit {
  /** The server's main thread, CPU microseconds per answer. */
  mainUsPerAnswer: number;
  /** The whole server process (the checkpoint worker and the thread pool included), per answer. */
  serverUsPerAnswer: number;
  /** The bench's client (this process): cores used, averaged over the measurement. */
  clientCores: number;
  /** Cores of the machine left idle, averaged over the measurement. */
  idleCores: number;
}

interface Sample {
  main: number;
  server: number;
  client: number;
  idleTicks: number;
  allTicks: number;
  at: number;
}

/** The first line of /proc/stat: clock ticks of every core, idle and I/O wait counted as idle. */
function machineTicks(): { idleTicks: number; allTicks: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idleTicks: ticks[3]! + ticks[4]!, allTicks: ticks.reduce((sum, t) => sum + t, 0) };
}

function sample(pid: number): Sample {
  const used = process.cpuUsage();
  return {
    main: cpuMsOf(pid, true),
    server: cpuMsOf(pid),
    client: (used.user + used.system) / 1000,
    ...machineTicks(),
    at: performance.now(),
  };
}

/** Sums the CPU of every stretch between a `start()` and its `stop()`; the caller gives `split()` the answers of those stretches. */
export class CpuMeter {
  private totals = { main: 0, server: 0, client: 0, idleTicks: 0, allTicks: 0, wallMs: 0 };
  private started: Sample | null = null;

  private readonly cores = cpus().length;

  constructor(private readonly pid: number) {}

  start(): void {
    this.started = sample(this.pid);
  }

  stop(): void {
    if (!this.started) throw new Error('CpuMeter.stop() without start()');
    const end = sample(this.pid);
    const t = this.totals;
    t.main += end.main - this.started.main;
    t.server += end.server - this.started.server;
    t.client += end.client - this.started.client;
    t.idleTicks += end.idleTicks - this.started.idleTicks;
    t.allTicks += end.allTicks - this.started.allTicks;
    t.wallMs += end.at - this.started.at;
    this.started = null;
  }

  split(answers: number): CpuSplit {
    const t = this.totals;
    const perAnswer = (ms: number) => Math.round((ms * 1000) / Math.max(1, answers));
    const cores = (value: number) => Math.round(value * 100) / 100;
    return {
      mainUsPerAnswer: perAnswer(t.main),
      serverUsPerAnswer: perAnswer(t.server),
      clientCores: cores(t.client / Math.max(1, t.wallMs)),
      idleCores: cores((this.cores * t.idleTicks) / Math.max(1, t.allTicks)),
    };
  }
}
