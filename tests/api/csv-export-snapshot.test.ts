// A long CSV export reads its batches from a snapshot, one batch per turn of the event loop
// (server/src/reports/csv.ts): other requests run between its batches, what they commit meanwhile
// is not in the file, and the file is the same as one read in one go on the server's connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb, type Db, type Queryable } from '@bds/db';
import { systemClock } from '@bds/shared';
import { sendCsvBatches } from '../../server/src/reports/csv.ts';
import dbPlugin from '../../server/src/plugins/db.ts';
import { writeGateOf } from '../../server/src/write-gate.ts';

const dir = mkdtempSync(join(tmpdir(), 'bds-csv-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BATCH = 3;

function databaseWithRows(path: string, rows: number): Db {
  const db = openDb(path);
  db.$client.exec('CREATE TABLE line (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
  const insert = db.$client.prepare('INSERT INTO line (label) VALUES (?)');
  for (let i = 1; i <= rows; i++) insert.run(`riga ${i}`);
  return db;
}

/** The rows in id order, BATCH at a time; `onBatch` runs as each batch is read. */
function lineBatches(onBatch: (index: number) => void = () => {}) {
  return function* (from: Queryable) {
    for (let after = 0, index = 0; ; index++) {
      onBatch(index);
      const rows = from.all<{ id: number; label: string }>(sql`SELECT id, label FROM line WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`);
      yield rows.map((r) => [r.id, r.label]);
      if (rows.length < BATCH) return;
      after = rows.at(-1)!.id;
    }
  };
}

async function exportOf(db: Db, batches: ReturnType<typeof lineBatches>) {
  const app = Fastify();
  await app.register(dbPlugin, { db, clock: systemClock });
  app.get('/export', (_request, reply) => sendCsvBatches(reply, db, 'righe.csv', ['n.', 'riga'], batches));
  try {
    return await app.inject({ method: 'GET', url: '/export' });
  } finally {
    await app.close();
  }
}

/** Whether a connection other than `db`'s still reads the log: a checkpoint cannot then empty it. */
function logHeldByAnotherReader(db: Db): boolean {
  db.$client.exec("INSERT INTO line (label) VALUES ('segno')");
  const [result] = db.$client.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result!.busy !== 0;
}

describe('CSV exports read in turns from a snapshot', () => {
  it('writes the same file as the rows read in one go on the server connection', async () => {
    const file = databaseWithRows(join(dir, 'same.sqlite'), 10);
    const memory = databaseWithRows(':memory:', 10);
    const fromSnapshot = await exportOf(file, lineBatches());
    const inOneGo = await exportOf(memory, lineBatches());
    expect(fromSnapshot.statusCode).toBe(200);
    expect(fromSnapshot.headers['content-disposition']).toBe('attachment; filename="righe.csv"');
    expect(fromSnapshot.body).toBe(inOneGo.body);
    expect(fromSnapshot.body.split('\r\n').slice(0, 3)).toEqual(['\uFEFFn.;riga', '1;riga 1', '2;riga 2']);
    expect(fromSnapshot.body.split('\r\n').filter(Boolean)).toHaveLength(11);
    file.$client.close();
    memory.$client.close();
  });

  it('gives the event loop back between batches and leaves out what is committed meanwhile', async () => {
    const db = databaseWithRows(join(dir, 'turns.sqlite'), 10);
    const committedBefore: boolean[] = [];
    let committed = false;
    const batches = lineBatches((index) => {
      committedBefore.push(committed);
      // Another request's write, due on the next turn of the loop.
      if (index === 0)
        setImmediate(() => (db.$client.prepare("INSERT INTO line (label) VALUES ('scritta dopo')").run(), (committed = true)));
    });
    const res = await exportOf(db, batches);
    expect(res.statusCode).toBe(200);
    // Four batches of 3, 3, 3 and 1 rows; the write ran before the second was read.
    expect(committedBefore).toEqual([false, true, true, true]);
    expect(res.body).not.toContain('scritta dopo');
    expect(res.body.split('\r\n').filter(Boolean)).toHaveLength(11);
    expect(db.$client.prepare("SELECT COUNT(*) AS n FROM line WHERE label = 'scritta dopo'").get()).toEqual({ n: 1 });
    // The snapshot's connection is closed with the file: nothing else holds the log.
    expect(logHeldByAnotherReader(db)).toBe(false);
    db.$client.close();
  });

  it('does not hold up a bulk write while the file is read', async () => {
    const db = databaseWithRows(join(dir, 'bulk.sqlite'), 10);
    let bulkWritten = false;
    const writtenBefore: boolean[] = [];
    const batches = lineBatches((index) => {
      writtenBefore.push(bulkWritten);
      if (index === 0) {
        void writeGateOf(db).transaction(db, async (turn) => {
          db.$client.prepare("INSERT INTO line (label) VALUES ('caricamento')").run();
          await turn();
          bulkWritten = true;
        });
      }
    });
    const res = await exportOf(db, batches);
    expect(res.statusCode).toBe(200);
    expect(writtenBefore.at(-1)).toBe(true);
    expect(res.body).not.toContain('caricamento');
    db.$client.close();
  });

  it('releases the snapshot when reading a batch fails', async () => {
    const db = databaseWithRows(join(dir, 'failure.sqlite'), 10);
    const failing = lineBatches((index) => {
      if (index === 2) throw new Error('lettura fallita');
    });
    await exportOf(db, failing).catch(() => undefined);
    expect(logHeldByAnotherReader(db)).toBe(false);
    db.$client.close();
  });
});
