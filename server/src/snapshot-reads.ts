// Long reads (the CSV exports, the caseload workbook) read a batch at a time, one batch a turn of
// the event loop, from a snapshot connection: no turn holds the other requests for long, and what
// is read is the database as of one commit while the server goes on writing. An in-memory
// database has no second connection: its batches are read in one go from the server's.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { openSnapshot, type Db, type Queryable } from '@bds/db';

/** The batches of a long read, from the connection it is given. */
export type Batches<T> = (from: Queryable) => Iterable<T> | AsyncIterable<T>;

/** `onSnapshot` is told once the snapshot is open: from then on the read no longer uses the server's connection. */
export async function* readInTurns<T>(db: Db, batches: Batches<T>, onSnapshot: () => void = () => {}): AsyncGenerator<T> {
  const snapshot = openSnapshot(db);
  if (snapshot) onSnapshot();
  try {
    for await (const batch of batches(snapshot ?? db)) {
      yield batch;
      if (snapshot) await nextTurn();
    }
  } finally {
    snapshot?.release();
  }
}
