// Group commit of the access log for reads. A read must not be answered before its audit row is
// on disk, but one fsync per request would cap the server at the disk's fsync rate. So the rows
// of the requests handled in the same turn of the event loop are inserted in one transaction,
// committed to the write-ahead log without an fsync, and the log is then fsynced off the main
// thread: the event loop goes on serving requests meanwhile, and every waiting request is
// released only once the fsync covering its row has returned. If the commit or the fsync fails,
// every request waiting on it fails with it.
// Writes join the same group: they commit without their own fsync and wait for the group's.
import { closeSync, fdatasync, fstatSync, openSync, statSync } from 'node:fs';
import type { Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditRow, insertAuditRow, type AuditEvent, type AuditRow } from './record.ts';

interface Waiting {
  /** Null for a write waiting only for its transaction to reach the disk. */
  row: AuditRow | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AuditGroupCommit {
  /** Rows of this turn, not yet inserted. */
  private waiting: Waiting[] = [];
  private scheduled = false;
  /** Committed to the log, waiting for the next fsync. */
  private committed: Waiting[] = [];
  private syncing = false;
  private readonly wal: WalFile;

  constructor(private readonly db: Db) {
    this.wal = new WalFile(db);
  }

  /** Resolves once the row is committed together with those of the other requests of this turn. */
  record(actor: Actor, event: AuditEvent): Promise<void> {
    return this.wait(auditRow(actor, event));
  }

  /** Resolves once every transaction committed so far on this connection is on disk. */
  barrier(): Promise<void> {
    return this.wait(null);
  }

  private wait(row: AuditRow | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Inserts every waiting row in one transaction; called once per event-loop turn that has rows. */
  flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const rows = batch.flatMap((w) => (w.row ? [w.row] : []));
    try {
      if (rows.length > 0) {
        withoutCommitSync(this.db, () =>
          this.db.$client.transaction(() => {
            for (const row of rows) insertAuditRow(this.db, row);
          })(),
        );
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    this.committed.push(...batch);
    this.sync();
  }

  /** One fsync at a time; what commits while it runs waits for the next one. */
  private sync(): void {
    if (this.syncing || this.committed.length === 0) return;
    const batch = this.committed;
    this.committed = [];
    this.syncing = true;
    this.wal.sync((error) => {
      this.syncing = false;
      for (const w of batch) {
        if (error) w.reject(error);
        else w.resolve();
      }
      this.sync();
    });
  }
}

/** Runs `commit` with synchronous=NORMAL: its transaction reaches the log without an fsync of its own. */
function withoutCommitSync<T>(db: Db, commit: () => T): T {
  db.$client.pragma('synchronous = NORMAL');
  try {
    return commit();
  } finally {
    db.$client.pragma('synchronous = FULL');
  }
}

/**
 * The connection's write-ahead log, fsynced on the thread pool. An fsync of the log makes durable
 * every transaction committed into it so far; frames already moved into the database by a
 * checkpoint were synced there by the checkpoint itself.
 */
class WalFile {
  private fd: number | null = null;
  private readonly path: string | null;

  constructor(db: Db) {
    this.path = db.$client.memory ? null : `${db.$client.name}-wal`;
  }

  sync(done: (error: Error | null) => void): void {
    let fd: number | null;
    try {
      fd = this.open();
    } catch (error) {
      done(error as Error);
      return;
    }
    if (fd === null) setImmediate(done, null);
    else fdatasync(fd, done);
  }

  /**
   * The log's descriptor, reopened if the file was replaced since; null for an in-memory
   * database, or when there is no log (everything committed is then in the database file).
   */
  private open(): number | null {
    if (!this.path) return null;
    const current = statSync(this.path, { throwIfNoEntry: false });
    if (this.fd !== null && current && fstatSync(this.fd).ino === current.ino) return this.fd;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = current ? openSync(this.path, 'r') : null;
    return this.fd;
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
 * Runs a write (one synchronous transaction, its audit row inside) without an fsync of its own,
 * then waits for the group's fsync: the reply still goes out only once the write is on disk,
 * but concurrent writes share one fsync instead of queueing one each.
 */
export async function durableWrite<T>(db: Db, write: () => T): Promise<T> {
  const result = withoutCommitSync(db, write);
  await groupCommitOf(db).barrier();
  return result;
}
