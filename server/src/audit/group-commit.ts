// Group commit of the access log for reads. A read must not be answered before its audit row is
// on disk, but one fsync per request would cap the server at the disk's fsync rate. So the rows
// of the requests handled in the same turn of the event loop are inserted in one transaction
// (synchronous=FULL: one fsync for all of them), and every waiting request is released only
// after that commit returns. If the commit fails, every request of the batch fails with it.
import { schema, type Db } from '@bds/db';
import type { Actor } from '../auth/principal.ts';
import { auditRow, type AuditEvent } from './record.ts';

type AuditRow = ReturnType<typeof auditRow>;

interface Waiting {
  row: AuditRow;
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
    return new Promise((resolve, reject) => {
      this.waiting.push({ row: auditRow(actor, event), resolve, reject });
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
    try {
      this.db.transaction((tx) => {
        for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
          tx.insert(schema.auditLog).values(batch.slice(i, i + ROWS_PER_INSERT).map((w) => w.row)).run();
        }
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) w.resolve();
  }
}

const groupCommits = new WeakMap<object, AuditGroupCommit>();

/**
 * Records the read of a person's data (or of a report) and waits until the row is durable.
 * Services call it after their read transaction and return only when it resolves. Writes keep
 * calling `recordAudit` inside their own transaction.
 */
export function auditRead(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  let groupCommit = groupCommits.get(db.$client);
  if (!groupCommit) groupCommits.set(db.$client, (groupCommit = new AuditGroupCommit(db)));
  return groupCommit.record(actor, event);
}
