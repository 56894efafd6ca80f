// A bulk write's loop gives the event loop back after a slice: a number of items, or a time
// budget when its items turn out slow; its commit leaves the fsync to the thread pool
// (server/src/write-gate.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from '@bds/db';
import { SLICE_MS, sliceOf, writeGateOf } from '@bds/server/write-gate.ts';

let now = 0;
afterEach(() => vi.restoreAllMocks());

function withClock() {
  now = 1_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
}

describe('the slices of a bulk write', () => {
  it('end every `size` items while the items are quick', () => {
    withClock();
    const slice = sliceOf(3);
    const ends = Array.from({ length: 7 }, () => slice());
    expect(ends).toEqual([false, false, true, false, false, true, false]);
  });

  it(`end once ${SLICE_MS} ms of work have passed, whatever the count`, () => {
    withClock();
    const slice = sliceOf(50);
    expect(slice()).toBe(false);
    now += SLICE_MS - 1;
    expect(slice()).toBe(false);
    now += 1;
    expect(slice()).toBe(true);
    // The next slice counts its time from its own first item, not from the turn it waited for.
    now += 500;
    expect(slice()).toBe(false);
    now += SLICE_MS - 1;
    expect(slice()).toBe(false);
  });

  it('end on time alone when the count is unbounded', () => {
    withClock();
    const slice = sliceOf(Infinity);
    const ends: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      ends.push(slice());
      now += SLICE_MS / 4;
    }
    expect(ends).toEqual([false, false, false, false, true, false, false, false, false, true]);
  });
});

describe('the commit of a bulk write on a file database', () => {
  it('reaches the log without its own fsync, stores all or nothing and restores synchronous=FULL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bds-gate-'));
    const db = openDb(join(dir, 'gate.sqlite'));
    try {
      const client = db.$client;
      client.exec('CREATE TABLE rows_stored (n INTEGER)');
      const insert = client.prepare('INSERT INTO rows_stored (n) VALUES (?)');
      const stored = () => client.prepare('SELECT n FROM rows_stored ORDER BY n').pluck().all();
      const synchronous = () => client.pragma('synchronous', { simple: true });
      const gate = writeGateOf(db);
      let during: unknown;
      await gate.transaction(db, async (turn) => {
        insert.run(1);
        during = synchronous();
        await turn();
        insert.run(2);
      });
      expect(during).toBe(1);
      expect(synchronous()).toBe(2);
      expect(stored()).toEqual([1, 2]);
      await expect(
        gate.transaction(db, async (turn) => {
          insert.run(3);
          await turn();
          throw new Error('failed half-way');
        }),
      ).rejects.toThrow('failed half-way');
      expect(synchronous()).toBe(2);
      expect(stored()).toEqual([1, 2]);
      expect(gate.holding).toBe(false);
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
