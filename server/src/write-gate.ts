// A bulk write (a month's CSV upload, the caseload import) runs its one transaction over many
// turns of the event loop, so that no turn holds the loop for long: 20,000 rows in one turn held it
// for 0.5–1.1 s. While that transaction is open nobody else may use the connection, or they would
// read its half-written rows or write into it; so every request holds a pass while it runs, a bulk
// write waits until no pass is held and then has the connection alone, and requests arriving
// meanwhile (and the group commit's flushes) wait for it to end. The event loop stays free
// throughout: waiting is never blocking. A bulk write never runs nested in another transaction.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Db } from '@bds/db';
import { setSynchronous, WalFile } from './wal-file.ts';

export class WriteGate {
  private passes = 0;
  /** Set from the moment a bulk write asks for the connection until it has finished with it. */
  private closed: Promise<void> | null = null;
  private drained: (() => void) | null = null;
  /** Bulk writes one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  /** True while a bulk write's transaction may be open on the connection. */
  holding = false;
  private wal: WalFile | null = null;

  /** A request starts: null when it may go on at once, else a promise it must wait for (it then holds its pass). */
  enter(): Promise<void> | null {
    if (!this.closed) {
      this.passes++;
      return null;
    }
    return this.closed.then(() => this.enter() ?? undefined);
  }

  /** A bulk write's own request: waits like the others, but holds no pass (it will ask for the connection itself). */
  passThrough(): Promise<void> | null {
    if (!this.closed) return null;
    return this.closed.then(() => this.passThrough() ?? undefined);
  }

  leave(): void {
    this.passes--;
    if (this.passes === 0) this.drained?.();
  }

  /** Resolves once no bulk write holds the connection. */
  free(): Promise<void> {
    return this.closed ?? Promise.resolve();
  }

  /**
   * Runs `work` as one transaction on the connection alone, once every request holding a pass has
   * finished; `work` gives the event loop back by awaiting `turn()`. Committed only if it resolves.
   */
  transaction<T>(db: Db, work: (turn: () => Promise<void>) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      let open!: () => void;
      this.closed = new Promise<void>((resolve) => (open = resolve));
      try {
        if (this.passes > 0) await new Promise<void>((resolve) => (this.drained = resolve));
        this.drained = null;
        // A grouped transaction of the last requests may still be committing in this turn.
        while (db.$client.inTransaction) await nextTurn();
        this.holding = true;
        return await inTurns(db, work, (this.wal ??= new WalFile(db)));
      } finally {
        this.holding = false;
        this.closed = null;
        open();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * The transaction reaches the log without an fsync on the main thread (a bulk COMMIT's fsync held
 * the event loop for 10–21 ms on a quiet disk, 383 ms on a busy one); the log is then fsynced on
 * the thread pool while the connection is still held, so that nothing is answered, by this write
 * or by a read of its rows, before the rows are on disk.
 */
async function inTurns<T>(db: Db, work: (turn: () => Promise<void>) => Promise<T>, wal: WalFile): Promise<T> {
  const client = db.$client;
  setSynchronous(db, 'NORMAL');
  let result: T;
  try {
    client.exec('BEGIN IMMEDIATE');
    try {
      result = await work(() => nextTurn());
      client.exec('COMMIT');
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  } finally {
    setSynchronous(db, 'FULL');
  }
  await new Promise<void>((resolve, reject) => wal.sync((error) => (error ? reject(error) : resolve())));
  return result;
}

const gates = new WeakMap<object, WriteGate>();

export function writeGateOf(db: Db): WriteGate {
  let gate = gates.get(db.$client);
  if (!gate) gates.set(db.$client, (gate = new WriteGate()));
  return gate;
}

/**
 * The longest a slice may run before it gives the event loop back, whatever its count: an item's
 * cost varies with the data (a person's month read again by `CheckInputs.stillHold` grows with the
 * rows already stored), and 50 dense months held the loop for 55–86 ms on tier S.
 */
export const SLICE_MS = 20;

/**
 * Counts the items of a bulk write's loop and says when a slice is done: `size` items, or
 * `SLICE_MS` of work since the loop last gave the event loop back (`await turn()`).
 */
export function sliceOf(size: number): () => boolean {
  let done = 0;
  let since: number | null = null;
  return () => {
    const now = performance.now();
    since ??= now;
    if (++done < size && now - since < SLICE_MS) return false;
    done = 0;
    since = null;
    return true;
  };
}
