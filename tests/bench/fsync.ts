// One fsync of the log's disk, measured in the same run as the endpoints: a page written to a
// file beside the database and fdatasynced, as the group commit fsyncs the write-ahead log.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { percentile } from './percentile.ts';

export interface FsyncFigures {
  p50Ms: number;
  samples: number;
}

const PAGE = Buffer.alloc(4096, 1);

/** fdatasync samples of a 4 KiB append in the database's folder; `samples` more each call. */
export function fsyncSamples(databasePath: string, samples: number): number[] {
  const dir = mkdtempSync(join(dirname(databasePath), '.bench-fsync-'));
  const fd = openSync(join(dir, 'log'), 'w');
  try {
    const timings: number[] = [];
    for (let i = 0; i < samples; i++) {
      writeSync(fd, PAGE);
      const started = performance.now();
      fdatasyncSync(fd);
      timings.push(performance.now() - started);
    }
    return timings;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fsyncFigures(timings: readonly number[]): FsyncFigures {
  return { p50Ms: Math.round(percentile(timings, 50) * 1000) / 1000, samples: timings.length };
}

/**
 * What a report may take at one connection: its own SQL, bare Fastify's round trip for a reply of
 * the same size, one fsync of the log and a millisecond for routing, auth and the access-log row.
 */
export function allowanceMs(sqlP50Ms: number, bareP50Ms: number, fsyncP50Ms: number): number {
  return Math.round((sqlP50Ms + bareP50Ms + fsyncP50Ms + 1) * 1000) / 1000;
}
