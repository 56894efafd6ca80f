// Checkpoints of the write-ahead log, off the server's main thread. SQLite checkpoints by itself
// inside the commit that takes the log past 1000 pages: copying those pages into the database
// file and fsyncing it stopped the event loop for milliseconds each time, and was about half of
// what writing an access-log row cost. Here a worker thread with a connection of its own copies
// the log into the database file instead, with PASSIVE checkpoints, which never wait for the
// readers or the writer of the main connection.
//
// A checkpoint running beside the writer cannot let the log start over while commits keep
// coming (a frame committed during it is always left), so under a steady load the log would
// grow without end. When it passes `restartBytes`, the main connection copies the few frames
// left by the worker's last checkpoint itself, right after it; its next write then starts the
// log over from the beginning. It does not when the worker's checkpoint left many frames: a long
// read (an export's snapshot) held them back, and its own checkpoint would stop at the same frame
// after going through the whole log.
//
// The log's file is cut back to `restartBytes` by the worker, never by the main connection: once a
// long read had let it grow large, SQLite's own cut (journal_size_limit) stopped the commit that
// made it for far longer than a request may wait. Left large, the file would make a later large
// write read back every page of it that is no longer cached before overwriting it. The worker
// cuts a slice at a time, each while holding the write lock, and never a frame of the log.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Db } from './connection.ts';
import { traceEvent, traceNow, tracing } from './trace.ts';

export interface CheckpointerOptions {
  /** How often the worker checkpoints, in milliseconds. */
  intervalMs?: number;
  /** The log's size past which the main connection finishes a checkpoint itself so that it can start over. */
  restartBytes?: number;
  /** Told when the worker fails and SQLite's own automatic checkpoints take over again. */
  onFailure?: (error: Error) => void;
}

export interface Checkpointer {
  /** Stops the worker and closes its connection (before the main connection closes, so that closing the last one empties the log). */
  stop(): Promise<void>;
}

/** SQLite's default: the automatic checkpoint that the worker replaces, restored if the worker fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * More frames than this left by the worker's checkpoint were held back by a reader (the frames
 * committed while it ran are not counted): the main connection's checkpoint could copy none of them.
 */
const FEW_FRAMES = SQLITE_AUTOCHECKPOINT_PAGES;

/** A frame of the log: a page and its 24-byte header. */
const FRAME_HEADER_BYTES = 24;

/** The most the worker cuts from the log's file while it holds the write lock. */
const CUT_SLICE_BYTES = 16 * 1024 * 1024;

// Plain CommonJS evaluated by the worker, so that it runs the same from the TypeScript sources
// and from the server's bundle. It tells the main thread of each checkpoint that found frames in
// the log how many the log holds and how many are copied (and, when the stall trace is on, when it ran).
// The log's frames run from the file's start without a gap and carry the salts of its header, which
// change each time it starts over: a frame past the cut with other salts means that none of the
// log's frames lies past it, and while the worker holds the write lock none is written. The -shm
// file is never opened here: closing a descriptor of it would drop the process's locks on it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const busyTimeout = db.pragma('busy_timeout', { simple: true });
const now = () => performance.timeOrigin + performance.now();
const walPath = workerData.path + '-wal';
const salts = Buffer.alloc(8);
const frameSalts = Buffer.alloc(8);
// Whether no frame of the log lies at or past the cut: the frame there does not carry the log's salts.
function pastTheLog(fd, cut) {
  fs.readSync(fd, salts, 0, 8, 16);
  return fs.readSync(fd, frameSalts, 0, 8, cut + 8) < 8 || !salts.equals(frameSalts);
}
function cutBack() {
  const size = fs.statSync(walPath, { throwIfNoEntry: false })?.size ?? 0;
  if (size <= workerData.keepBytes) return;
  const frames = Math.floor((Math.max(workerData.keepBytes, size - workerData.sliceBytes) - 32) / workerData.frameBytes);
  const cut = 32 + frames * workerData.frameBytes;
  if (cut >= size) return;
  const fd = fs.openSync(walPath, 'r+');
  try {
    // Looked at first without the lock, which the main connection's writes would wait for.
    if (!pastTheLog(fd, cut)) return;
    // Without waiting: while the main connection writes, the cut waits for the next checkpoint.
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch {
      return;
    } finally {
      db.pragma('busy_timeout = ' + busyTimeout);
    }
    try {
      if (pastTheLog(fd, cut)) fs.ftruncateSync(fd, cut);
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    fs.closeSync(fd);
  }
}
const timer = setInterval(() => {
  const t0 = now();
  const { log, checkpointed } = checkpoint.get();
  cutBack();
  if (log === 0) return;
  if (workerData.trace) parentPort.postMessage({ trace: { t0, t1: now(), log, checkpointed } });
  parentPort.postMessage({ log, checkpointed });
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('stopped');
});
`;

type WorkerMessage = 'stopped' | { trace: Record<string, unknown> } | { log: number; checkpointed: number };

export function startCheckpointer(db: Db, options: CheckpointerOptions = {}): Checkpointer | null {
  const sqlite = db.$client;
  if (sqlite.memory || sqlite.readonly) return null;
  const restartBytes = options.restartBytes ?? 64 * 1024 * 1024;
  const frameBytes = Number(sqlite.pragma('page_size', { simple: true })) + FRAME_HEADER_BYTES;
  sqlite.pragma('wal_autocheckpoint = 0');

  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path: sqlite.name,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      intervalMs: options.intervalMs ?? 100,
      keepBytes: restartBytes,
      sliceBytes: CUT_SLICE_BYTES,
      frameBytes,
      trace: tracing(),
    },
  });
  let stopping = false;
  let stopped: (() => void) | null = null;
  const fallBack = (error: Error) => {
    if (stopping || !sqlite.open) return;
    stopping = true;
    sqlite.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    options.onFailure?.(error);
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message === 'stopped') return stopped?.();
    if ('trace' in message) return traceEvent('checkpoint', message.trace);
    // Right after the worker's checkpoint, the frames left are the fewest.
    if (stopping || !sqlite.open || sqlite.inTransaction) return;
    const walBytes = message.log * frameBytes;
    if (walBytes > restartBytes && message.log - message.checkpointed <= FEW_FRAMES) {
      const t0 = traceNow();
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      traceEvent('restart', { t0, t1: traceNow(), walBytes });
    }
  });
  worker.on('error', fallBack);
  worker.on('exit', (code) => {
    stopped?.();
    fallBack(new Error(`checkpoint worker exited with code ${code}`));
  });
  // The worker never keeps the process alive: stopping the server stops it explicitly.
  worker.unref();

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (stopping) return resolve();
        stopping = true;
        stopped = () => {
          stopped = null;
          void worker.terminate().then(
            () => resolve(),
            () => resolve(),
          );
        };
        // Held by the worker's answer from here on: the process must not end before the connection is closed.
        worker.ref();
        worker.postMessage('stop');
      }),
  };
}
