// Group commit of the access log for reads. A read must not be answered before its audit row is
// on disk, but one fsync per request would cap the server at the disk's fsync rate. So the rows
// of the requests handled in the same turn of the event loop are inserted in one transaction
// (synchronous=FULL: one fsync for all of them), and every waiting request is released only
// after that commit returns. If the commit fails, every request of the batch fails with it.
// Writes join the same group: they commit without their own fsync and wait for the group's.
import { closeSync, existsSync, fdatasyncSync, openSync } from 'node:fs';
import { schema, type Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditRow, type AuditEvent } from './record.ts';

type AuditRow = ReturnType<typeof auditRow>;

interface Waiting {
  /** Null for a write waiting only for its transaction to reach the disk. */
  row: AuditRow | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** SQLite binds at most 32,766 variables per statement; an audit row takes ten. */
const ROWS_PER_INSERT = 500;

export class AuditGroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

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

  /** Writes every waiting row in one transaction; called once per event-loop turn that has rows. */
  flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const rows = batch.flatMap((w) => (w.row ? [w.row] : []));
    try {
      // With synchronous=FULL the commit fsyncs the WAL, and with it every frame written before.
      if (rows.length > 0) {
        this.db.transaction((tx) => {
          for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) tx.insert(schema.auditLog).values(rows.slice(i, i + ROWS_PER_INSERT)).run();
        });
      } else {
        syncWal(this.db);
      }
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) w.resolve();
  }
}

/** fsync of the write-ahead log: makes durable every transaction committed into it so far. */
function syncWal(db: Db): void {
  const wal = `${db.$client.name}-wal`;
  if (db.$client.memory || !existsSync(wal)) return;
  const fd = openSync(wal, 'r');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
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
  db.$client.pragma('synchronous = NORMAL');
  let result: T;
  try {
    result = write();
  } finally {
    db.$client.pragma('synchronous = FULL');
  }
  await groupCommitOf(db).barrier();
  return result;
}
