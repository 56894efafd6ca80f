// The shape of tests/bench/results/<tier>.json.
import type { Tier } from '@bds/db/bench';
import type { LoadFigures } from './load.ts';
import type { SqlFigures } from './raw-sql.ts';
import type { BudgetCheck } from './budgets.ts';
import type { EndpointKind } from './endpoints.ts';
import type { AccessLogFigures } from './access-log.ts';
import type { ImportFigures } from './caseload-import.ts';
import type { FsyncFigures } from './fsync.ts';
import type { StallFigures } from './upload.ts';
import type { BulkStallFigures } from './bulk-stall.ts';
import type { CpuSplit } from './cpu-split.ts';

export interface EndpointResult {
  name: string;
  kind: EndpointKind;
  caller: string;
  replyBytes: number | null;
  /** Set when the route did not answer 2xx to a first probe: the figures are then left out. */
  missing?: string;
  /** One connection, requests one after the other, latencies to the microsecond. */
  c1?: LoadFigures;
  c64?: LoadFigures;
  /** Bare Fastify at one connection with a reply of the same size: the least latency any endpoint can have here. */
  bare1?: LoadFigures;
  /** Bare Fastify at 64 connections with a reply of the same size. */
  bare64?: LoadFigures;
  sql?: SqlFigures;
  /** Where the CPU went during the rounds at 64 connections. */
  cpu64?: CpuSplit;
  /** The slowest answer of the recorded measurements (1 and 64 connections; the warm-up is not recorded). */
  maxMs?: number;
  /** The same, without each connection's first answer (`LoadFigures.maxOpenMs`). */
  maxOpenMs?: number;
  /** Reports: own SQL + bare Fastify's round trip for the reply's size + one fsync of the log + 1 ms. */
  allowanceMs?: number;
}

export interface BenchResult {
  tier: Tier;
  measuredAt: string;
  machine: { cpus: number; node: string; memoryGiB: number };
  database: { path: string; bytes: number; persons: number; projects: number; interventions: number };
  durationSeconds: number;
  server: { startupMs: number; rssAfterStartMiB: number; peakRssMiB: number };
  endpoints: EndpointResult[];
  upload: { rows: number; status: number[]; ms: number[]; medianMs: number | null; missing?: string };
  /** /api/health's latency while uploads run (issue 23: no request holds the event loop > 100 ms). */
  uploadStalls?: StallFigures[];
  /** /api/health's latency during the largest CSV exports and an online backup (the same rule). */
  bulkStalls?: BulkStallFigures[];
  /** One fdatasync of a page on the database's disk, sampled at the start and the end of the run. */
  fsync?: FsyncFigures;
  /** The access-log row of a 50-row page with and without its person rows (issue 21). */
  accessLogPersons?: AccessLogFigures;
  /** The caseload import of a 5,000-row file (issue 22): measured, no budget. */
  caseloadImport?: ImportFigures;
  budgets: BudgetCheck[];
  overBudget: string[];
}
