// The checkpoint worker: it copies the log into the database file while the main connection
// keeps committing, the log stays bounded under a steady stream of commits, a log that a long
// read let grow starts over and its file is cut back by the worker, and SQLite's own automatic
// checkpoints come back if the worker cannot run.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, openSnapshot, startCheckpointer, type Db } from '@bds/db';
import { waitFor } from '../wait-for.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileDb(): { db: Db; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'bds-checkpointer-'));
  folders.push(folder);
  const path = join(folder, 'db.sqlite');
  const db = openDb(path);
  db.$client.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  return { db, path };
}

const walBytes = (path: string) => statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
/** A frame of the log: a 4,096-byte page and its header. */
const FRAME_BYTES = 4_096 + 24;
/** The database file itself, without its log: it grows only when a checkpoint copies pages into it. */
const fileBytes = (path: string) => statSync(path).size;

describe('checkpoint worker', () => {
  it('takes over from the automatic checkpoint and copies the log into the database file', async () => {
    const { db, path } = fileDb();
    const checkpointer = startCheckpointer(db, { intervalMs: 10 });
    expect(checkpointer).not.toBeNull();
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const bytesBefore = fileBytes(path);
    const insert = db.$client.prepare('INSERT INTO t (v) VALUES (?)');
    db.$client.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500));
    })();
    // The worker copies the log into the file on its own; nothing here runs a checkpoint.
    await waitFor('the worker to copy the log into the database file', () => fileBytes(path) > bytesBefore + 500_000);
    // Everything in the log gets copied: once the worker's checkpoint is done, none has anything left to do.
    const passive = () => (db.$client.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0]!;
    await waitFor('the worker to finish its checkpoint', () => passive().log > 0);
    const status = passive();
    expect(status.checkpointed).toBe(status.log);
    await checkpointer!.stop();
    db.$client.close();
    // The main connection closed last: the log was emptied into the file and removed.
    expect(walBytes(path)).toBe(0);
    const reopened = openDb(path);
    expect((reopened.$client.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(2000);
    reopened.$client.close();
  });

  it('keeps the log bounded while commits never stop', async () => {
    const { db, path } = fileDb();
    const restartBytes = 256 * 1024;
    const checkpointer = startCheckpointer(db, { intervalMs: 5, restartBytes });
    const insert = db.$client.prepare('INSERT INTO t (v) VALUES (?)');
    let largest = 0;
    // One small commit per turn of the event loop, as the group commit does under load.
    for (let commit = 0; commit < 2_000; commit++) {
      insert.run('y'.repeat(200));
      largest = Math.max(largest, walBytes(path));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Without the restart the log grows by every commit: 2,000 commits write about 8 MiB. The bound
    // leaves room for a worker thread that a loaded machine schedules late, and is still a quarter of that.
    expect(largest).toBeLessThan(restartBytes * 8);
    await checkpointer!.stop();
    db.$client.close();
  });

  it('leaves a log held back by a long read to the worker, then starts it over and cuts its file back off the main thread', async () => {
    const { db, path } = fileDb();
    const restartBytes = 256 * 1024;
    let ownCheckpoints = 0;
    const pragma = db.$client.pragma.bind(db.$client);
    db.$client.pragma = ((source: string, options?: { simple?: boolean }) => {
      if (source.startsWith('wal_checkpoint')) ownCheckpoints++;
      return pragma(source, options);
    }) as typeof db.$client.pragma;
    const checkpointer = startCheckpointer(db, { intervalMs: 5, restartBytes });
    const insert = db.$client.prepare('INSERT INTO t (v) VALUES (?)');
    let committed = 0;
    const commit = async () => {
      committed++;
      insert.run('z'.repeat(2_000));
      await new Promise((resolve) => setImmediate(resolve));
    };
    // An export's snapshot: no frame committed after it began can be copied until it is released.
    const snapshot = openSnapshot(db)!;
    // Past a thousand frames left behind: more than SQLite itself would copy inside one commit. The
    // worker cuts none of the file while it holds frames of the log.
    let shrank = false;
    const commitWhileHeld = async () => {
      const before = walBytes(path);
      await commit();
      shrank ||= walBytes(path) < before;
    };
    while (walBytes(path) < 1_500 * FRAME_BYTES) await commitWhileHeld();
    ownCheckpoints = 0;
    for (let i = 0; i < 500; i++) await commitWhileHeld();
    expect(shrank).toBe(false);
    // Going through a log that the reader holds back would copy nothing: the main connection leaves it.
    expect(ownCheckpoints).toBe(0);
    const grown = walBytes(path);

    snapshot.release();
    // Under a steady stream of commits only the main connection's own checkpoint lets the log start
    // over, and the worker then cuts the file back, a slice at a time, while the commits go on.
    for (let commits = 0; ownCheckpoints === 0 || walBytes(path) > restartBytes * 4; commits++) {
      if (commits > 20_000) throw new Error(`the log was not cut back: ${walBytes(path)} bytes`);
      await commit();
    }
    // The main connection never cuts the file itself: that stalled the commit that did it.
    expect(pragma('journal_size_limit', { simple: true })).toBe(-1);
    for (let i = 0; i < 300; i++) await commit();
    expect(walBytes(path)).toBeLessThan(grown);
    await checkpointer!.stop();
    db.$client.close();
    const reopened = openDb(path);
    expect((reopened.$client.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n).toBe(committed);
    expect(reopened.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.$client.close();
  });

  it('gives the checkpoints back to SQLite when the worker fails', async () => {
    const { db, path } = fileDb();
    let failure: Error | null = null;
    // The worker's connection cannot open a file that is not there.
    rmSync(path);
    const checkpointer = startCheckpointer(db, { onFailure: (error) => (failure = error) });
    await waitFor('the worker to report its failure', () => failure !== null);
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await checkpointer!.stop();
    db.$client.close();
  });

  it('does nothing for an in-memory database', () => {
    const db = openDb(':memory:');
    expect(startCheckpointer(db)).toBeNull();
    db.$client.close();
  });
});
