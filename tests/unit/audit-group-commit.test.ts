// The access log's group commit: rows of concurrent reads share one transaction, nobody is
// answered before that transaction commits (and, on a file, before the log's fsync returns), and
// a failed commit fails every request in it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDb, openDb, openMemoryDb } from '@bds/db';
import type { Actor } from '@bds/server/auth/principal.ts';
import { AuditGroupCommit, auditedRead, durableWrite, settled } from '@bds/server/audit/group-commit.ts';
import Database from 'better-sqlite3';
import { writeGateOf } from '@bds/server/write-gate.ts';

const actor: Actor = {
  user: {
    id: 1,
    username: 'cm',
    displayName: 'cm',
    role: 'case_manager',
    serviceId: 1,
    districtId: null,
    cooperativeId: null,
    mustChangePassword: false,
    sessionId: 's',
  },
  ip: '127.0.0.1',
  today: '2026-12-06',
  now: '2026-12-06T11:00:00.000Z',
};
const rowsIn = (db: ReturnType<typeof openMemoryDb>) =>
  (db.$client.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

/** A migrated database in a file of its own; `rowsAfterReopening` closes it and counts the log rows that reached the file. */
function fileDb() {
  const folder = mkdtempSync(join(tmpdir(), 'bds-group-commit-'));
  const path = join(folder, 'audit.sqlite');
  const db = openDb(path);
  migrateDb(db);
  const rowsAfterReopening = () => {
    db.$client.close();
    const reopened = openDb(path);
    const rows = rowsIn(reopened);
    reopened.$client.close();
    rmSync(folder, { recursive: true, force: true });
    return rows;
  };
  return { db, path, rowsAfterReopening };
}

describe('audit group commit', () => {
  it('writes the rows of concurrent reads in one transaction before releasing any of them', async () => {
    const db = openMemoryDb();
    // Counts the transactions the group commit's transaction functions open (not their savepoints).
    let commits = 0;
    const transaction = db.$client.transaction.bind(db.$client);
    db.$client.transaction = ((work: Parameters<typeof transaction>[0]) => {
      const run = transaction(work);
      return (...args: unknown[]) => {
        if (!db.$client.inTransaction) commits++;
        return run(...args);
      };
    }) as typeof db.$client.transaction;
    const groupCommit = new AuditGroupCommit(db);
    const seenAtRelease: number[] = [];
    const reads = Array.from({ length: 20 }, (_, i) =>
      groupCommit.record(actor, { action: 'read', entity: 'ptri', entityId: i, personId: i }).then(() => seenAtRelease.push(rowsIn(db))),
    );
    expect(rowsIn(db)).toBe(0);
    await Promise.all(reads);
    expect(commits).toBe(1);
    expect(seenAtRelease.every((n) => n === 20)).toBe(true);
  });

  it('on a file database, releases the reads once their rows are committed and the log fsynced, and keeps synchronous=FULL', async () => {
    const { db, rowsAfterReopening } = fileDb();
    const groupCommit = new AuditGroupCommit(db);
    const reads = Array.from({ length: 50 }, (_, i) =>
      groupCommit.record(actor, { action: 'read', entity: 'ptri', entityId: i, personId: i }),
    );
    await Promise.all(reads);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(rowsAfterReopening()).toBe(50);
  });

  it('fails every read of the batch when the commit fails', async () => {
    const db = openMemoryDb();
    const groupCommit = new AuditGroupCommit(db);
    db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const reads = [1, 2, 3].map((id) => groupCommit.record(actor, { action: 'read', entity: 'ptri', entityId: id }));
    for (const read of reads) await expect(read).rejects.toThrow(/disk full/);
    expect(rowsIn(db)).toBe(0);
  });

  it('lets a write commit without its own fsync and restores synchronous=FULL', async () => {
    const db = openMemoryDb();
    const result = await durableWrite(db, () => db.$client.prepare(`INSERT INTO districts (code, name) VALUES ('X', 'X')`).run().changes);
    expect(result).toBe(1);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('commits the grouped writes of one turn in one transaction, a failed one rolled back alone, and holds replies until then', async () => {
    const db = openMemoryDb();
    let commits = 0;
    const exec = db.$client.exec.bind(db.$client);
    db.$client.exec = ((source: string) => {
      if (source === 'COMMIT') commits++;
      return exec(source);
    }) as typeof db.$client.exec;
    const insert = db.$client.prepare('INSERT INTO districts (code, name) VALUES (?, ?)');
    const writes = [1, 2, 3].map((i) =>
      durableWrite(db, () => {
        insert.run(`X${i}`, `X${i}`);
        if (i === 2) throw new Error('refused');
        return i;
      }),
    );
    expect(settled(db)).not.toBeNull();
    const results = await Promise.allSettled(writes);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const codes = (db.$client.prepare("SELECT code FROM districts WHERE code LIKE 'X%' ORDER BY code").all() as { code: string }[]).map(
      (r) => r.code,
    );
    expect(codes).toEqual(['X1', 'X3']);
    expect(commits).toBe(1);
    expect(db.$client.inTransaction).toBe(false);
    expect(settled(db)).toBeNull();
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('holds its commits back while a bulk write has the connection, outside that transaction', async () => {
    const db = openMemoryDb();
    const groupCommit = new AuditGroupCommit(db);
    let readDone = false;
    let writeDone = false;
    let read: Promise<void> = Promise.resolve();
    let write: Promise<number> = Promise.resolve(0);
    const bulk = writeGateOf(db).transaction(db, async (turn) => {
      read = groupCommit.record(actor, { action: 'read', entity: 'ptri', entityId: 1, personId: 1 }).then(() => void (readDone = true));
      write = groupCommit.write(
        () => db.$client.prepare("INSERT INTO audit_log (at, action, entity) VALUES ('x', 'w', 'w')").run().changes,
      );
      write.then(
        () => (writeDone = true),
        () => undefined,
      );
      for (let i = 0; i < 5; i++) await turn();
      expect([readDone, writeDone, rowsIn(db)]).toEqual([false, false, 0]);
      throw new Error('the bulk write fails');
    });
    await expect(bulk).rejects.toThrow('the bulk write fails');
    await read;
    await expect(write).resolves.toBe(1);
    // Their rows were committed after the failed bulk write, not rolled back with it.
    expect(rowsIn(db)).toBe(2);
  });

  it('runs a read whose row is known beforehand once that row is committed, and answers with it once the row is durable', async () => {
    const { db, path, rowsAfterReopening } = fileDb();
    const other = new Database(path, { readonly: true });
    const committedRows = () => (other.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    let seenByRead = -1;
    const answer = await auditedRead(db, actor, { action: 'read', entity: 'report_flats', changes: { year: 2025 } }, () => {
      seenByRead = committedRows();
      return 'report';
    });
    expect([answer, seenByRead]).toEqual(['report', 1]);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    other.close();
    expect(rowsAfterReopening()).toBe(1);
  });

  it('fails a read whose row cannot be committed, and answers a read that throws with its own error', async () => {
    const db = openMemoryDb();
    db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const event = { action: 'read', entity: 'report_flats' } as const;
    await expect(auditedRead(db, actor, event, () => 'report')).rejects.toThrow(/disk full/);
    // Its row's failure too is handled: vitest fails a run with an unhandled rejection.
    await expect(
      auditedRead(db, actor, event, () => {
        throw new Error('read failed');
      }),
    ).rejects.toThrow('read failed');
    expect(rowsIn(db)).toBe(0);
  });
});
