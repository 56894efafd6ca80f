// Group commit. A read must not be answered before its access-log row is on disk, nor a write
// before its transaction is; one fsync per request would cap the server at the disk's fsync rate.
// So the work of the requests handled in the same turn of the event loop is committed together:
// - grouped writes (`durableWrite`) run, each in its own savepoint, inside one transaction that
//   the first of them opens and the end of the turn commits;
// - the access-log rows of the turn's reads are inserted in that transaction (or in one of their
//   own when no write is open);
// - the commit reaches the write-ahead log without an fsync, and the log is then fsynced off the
//   main thread: the event loop goes on serving requests meanwhile, and every waiting request is
//   released only once the fsync covering its work has returned. If the commit or the fsync
//   fails, every request waiting on it fails with it.
// `settled` lets any other reply wait the same way, so that no answer leaves the server before
// what it wrote, or saw, is on disk. While a bulk write has the connection alone (write-gate.ts)
// the group holds its commits back until it ends.
import { traceEvent, traceNow, tracing, type Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { writeGateOf, type WriteGate } from '../write-gate.ts';
import { setSynchronous, WalFile } from '../wal-file.ts';
import { auditRow, insertAuditRow, type AuditEvent, type AuditRow } from './record.ts';
import { ShownPersonsMerge } from './person-index.ts';

interface Waiting {
  /** Null for a write waiting only for its transaction to reach the disk. */
  row: AuditRow | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AuditGroupCommit {
  /** Requests of this turn: their rows are not yet inserted, their writes not yet committed. */
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** When the first request of this turn was queued (stall trace only). */
  private queuedAt = 0;
  /** The transaction holding this turn's grouped writes, open until the end of the turn. */
  private turnOpen = false;
  /** Committed to the log, waiting for the next fsync. */
  private committed: Waiting[] = [];
  /** Replies waiting for the fsync that covers the commit numbered `seq` (see `settled`). */
  private replies: (Omit<Waiting, 'row'> & { seq: number })[] = [];
  /** Commits made by this group, the last one with grouped writes, and how many an fsync has covered. */
  private commitSeq = 0;
  private writeSeq = 0;
  private syncedSeq = 0;
  private syncing = false;
  private readonly wal: WalFile;
  /** Runs a function in a savepoint of the open transaction; built once, as building one costs more than the savepoint. */
  private readonly inSavepoint: (write: () => unknown) => unknown;
  /** Inserts a turn's access-log rows in a transaction of their own (built once, like `inSavepoint`). */
  private readonly insertRows: (rows: AuditRow[]) => number;
  private readonly gate: WriteGate;
  private readonly personMerge: ShownPersonsMerge;

  constructor(private readonly db: Db) {
    this.wal = new WalFile(db);
    this.gate = writeGateOf(db);
    this.personMerge = new ShownPersonsMerge(db);
    this.inSavepoint = db.$client.transaction((write: () => unknown) => write());
    this.insertRows = db.$client.transaction((rows: AuditRow[]) => this.insertAndMerge(rows));
  }

  /** Resolves once the row is committed together with those of the other requests of this turn. */
  record(actor: Actor, event: AuditEvent): Promise<void> {
    return this.wait(auditRow(actor, event));
  }

  /** Resolves once every transaction committed so far on this connection is on disk. */
  barrier(): Promise<void> {
    return this.wait(null);
  }

  /**
   * Runs `write` in a savepoint of this turn's transaction (a failed write rolls back alone) and
   * resolves with its result once the turn has been committed and fsynced.
   */
  async write<T>(write: () => T): Promise<T> {
    while (this.gate.holding) await this.gate.free();
    if (!this.turnOpen) {
      setSynchronous(this.db, 'NORMAL');
      try {
        this.db.$client.exec('BEGIN IMMEDIATE');
      } catch (error) {
        setSynchronous(this.db, 'FULL');
        throw error;
      }
      this.turnOpen = true;
      this.scheduleFlush();
    }
    const result = this.inSavepoint(write) as T;
    await this.barrier();
    return result;
  }

  /**
   * What a reply about to leave must wait for: the end of this turn when a grouped transaction is
   * open (the reply may show its work), else the fsync of the latest commit of grouped writes if it
   * has not returned yet; null when they are all on disk. (Commits of access-log rows alone are
   * waited for by the reads they record, and show in no other reply.)
   */
  settled(): Promise<void> | null {
    if (this.turnOpen) return this.barrier();
    if (this.syncedSeq >= this.writeSeq) return null;
    const seq = this.writeSeq;
    return new Promise((resolve, reject) => {
      this.replies.push({ seq, resolve, reject });
      this.sync();
    });
  }

  private wait(row: AuditRow | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (tracing()) this.queuedAt = traceNow();
    setImmediate(() => this.flush());
  }

  /** Commits this turn: its grouped writes and its access-log rows, in one transaction. */
  flush(): void {
    if (this.gate.holding) {
      void this.gate.free().then(() => this.flush());
      return;
    }
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0 && !this.turnOpen && !this.personMerge.behind) return;
    const rows = batch.flatMap((w) => (w.row ? [w.row] : []));
    const writes = this.turnOpen;
    const begun = tracing() ? traceNow() : 0;
    // Persons this commit moved into the person-order index (stall trace only).
    let merged = 0;
    try {
      if (writes) merged = this.commitTurn(rows);
      else if (rows.length > 0 || this.personMerge.due()) merged = withoutCommitSync(this.db, () => this.insertRows(rows));
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    this.commitSeq++;
    if (begun) {
      const persons = rows.reduce((n, row) => n + row.personIds.length, 0);
      traceEvent('commit', {
        queued: this.queuedAt,
        t0: begun,
        t1: traceNow(),
        rows: rows.length,
        persons,
        merged,
        writes,
        fsyncBusy: this.syncing,
      });
    }
    if (writes) this.writeSeq = this.commitSeq;
    this.committed.push(...batch);
    this.sync();
    if (this.personMerge.behind) this.scheduleFlush();
  }

  /** The turn's access-log rows, and a merge of the persons staged so far when one is due; returns the persons merged. */
  private insertAndMerge(rows: AuditRow[]): number {
    for (const row of rows) {
      insertAuditRow(this.db, row);
      this.personMerge.noteStaged(row.personIds.length);
    }
    return this.personMerge.due() ? this.personMerge.run() : 0;
  }

  private commitTurn(rows: AuditRow[]): number {
    const client = this.db.$client;
    this.turnOpen = false;
    try {
      const merged = this.insertAndMerge(rows);
      client.exec('COMMIT');
      return merged;
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    } finally {
      setSynchronous(this.db, 'FULL');
    }
  }

  /** One fsync at a time; what commits while it runs waits for the next one. */
  private sync(): void {
    if (this.syncing || (this.committed.length === 0 && this.syncedSeq >= this.commitSeq)) return;
    const batch = this.committed;
    this.committed = [];
    const upTo = this.commitSeq;
    this.syncing = true;
    const started = tracing() ? traceNow() : 0;
    const commits = upTo - this.syncedSeq;
    this.wal.sync((error) => {
      this.syncing = false;
      // Stamped when the callback runs: a busy event loop lengthens it as much as a slow disk does.
      if (started) traceEvent('fsync', { t0: started, t1: traceNow(), commits, released: batch.length });
      if (!error) this.syncedSeq = upTo;
      const replies = this.replies.filter((r) => r.seq <= upTo);
      this.replies = this.replies.filter((r) => r.seq > upTo);
      for (const w of [...batch, ...replies]) {
        if (error) w.reject(error);
        else w.resolve();
      }
      this.sync();
    });
  }
}

/** Runs `commit` with synchronous=NORMAL: its transaction reaches the log without an fsync of its own. */
function withoutCommitSync<T>(db: Db, commit: () => T): T {
  setSynchronous(db, 'NORMAL');
  try {
    return commit();
  } finally {
    setSynchronous(db, 'FULL');
  }
}

const groupCommits = new WeakMap<object, AuditGroupCommit>();

function groupCommitOf(db: Db): AuditGroupCommit {
  let groupCommit = groupCommits.get(db.$client);
  if (!groupCommit) groupCommits.set(db.$client, (groupCommit = new AuditGroupCommit(db)));
  return groupCommit;
}

/**
 * Records the read of a person's data (or of a report) and waits until the row is durable.
 * Services call it after their read transaction and return only when it resolves. Writes keep
 * calling `recordAudit` inside their own transaction.
 */
export function auditRead(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  return groupCommitOf(db).record(actor, event);
}

/**
 * A read whose access-log row is known before it runs (a report of figures: the row names the
 * report and its filters, not persons shown). The row's commit is let go first, so that its fsync
 * runs on the thread pool while `read` runs, instead of after it; answers once both are done.
 * Whatever the caller refuses must be refused before this: the row is committed first.
 */
export async function auditedRead<T>(db: Db, actor: Actor, event: AuditEvent, read: () => T): Promise<T> {
  const logged = auditRead(db, actor, event);
  // Awaited below; a read that throws first must not leave its failure unhandled.
  logged.catch(() => {});
  // The turn's commit is an earlier immediate than this one.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const result = read();
  await logged;
  return result;
}

/**
 * Runs a write (one synchronous function, its audit row inside) in this turn's grouped
 * transaction and answers once that transaction is on disk: concurrent writes share one commit
 * and one fsync instead of queueing one each.
 */
export function durableWrite<T>(db: Db, write: () => T): Promise<T> {
  return groupCommitOf(db).write(write);
}

/** Null when nothing committed on this connection is waiting for the disk; otherwise resolves once it is there. */
export function settled(db: Db): Promise<void> | null {
  return groupCommitOf(db).settled();
}
