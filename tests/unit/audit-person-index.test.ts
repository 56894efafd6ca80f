// The persons a read showed are staged in log order and merged into the person-order index later
// (server/src/audit/person-index.ts). Over random access-log rows and merges of random sizes, a
// person's lookup (their art. 15 record, the access log's person filter page by page) finds
// exactly what the plain path found, where each row's persons went into audit_log_persons as the
// row was written; once everything is merged the index holds exactly the plain path's pairs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMemoryDb, type Db } from '@bds/db';
import { insertAuditRow, auditRow } from '@bds/server/audit/record.ts';
import { accessLogOfPerson, searchAudit } from '@bds/server/audit/queries.ts';
import { MERGE_PERSONS, mergeAllShownPersons, mergeShownPersons, ShownPersonsMerge } from '@bds/server/audit/person-index.ts';
import type { Actor } from '@bds/server/auth/principal.ts';

const PERSONS = 12;
const actor: Actor = {
  user: {
    id: 1,
    username: 'manager',
    displayName: 'manager',
    role: 'manager',
    serviceId: null,
    districtId: null,
    cooperativeId: null,
    mustChangePassword: false,
    sessionId: 's',
  },
  ip: '127.0.0.1',
  today: '2026-12-07',
  now: '2026-12-07T10:00:00.000Z',
};

const person = fc.integer({ min: 1, max: PERSONS });
/** A logged read: about one person or none, showing others (repeats and the row's own person included). */
const read = fc.record({ personId: fc.option(person, { nil: null }), personIds: fc.array(person, { maxLength: 8 }) });
const step = fc.oneof(
  { weight: 4, arbitrary: read.map((row) => ({ kind: 'log' as const, ...row })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((maxPersons) => ({ kind: 'merge' as const, maxPersons })) },
);

/** The plain path: each row's persons, but its own, indexed as it is written. */
function plainPairs(rows: { id: number; personId: number | null; personIds: number[] }[]): Set<string> {
  const pairs = new Set<string>();
  for (const row of rows) for (const shown of row.personIds) if (shown !== row.personId) pairs.add(`${shown}:${row.id}`);
  return pairs;
}

function log(db: Db, personId: number | null, personIds: number[]): number {
  insertAuditRow(db, auditRow(actor, { action: 'read', entity: 'person_search', personId, personIds }));
  return (db.$client.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
}

function expectLookupsEqualPlain(db: Db, rows: { id: number; personId: number | null; personIds: number[] }[]) {
  for (let p = 1; p <= PERSONS; p++) {
    const expected = rows.filter((row) => row.personId === p || row.personIds.includes(p)).map((row) => row.id);
    expect(accessLogOfPerson(db, p).map((row) => row.id)).toEqual(expected);
    // The person filter, newest first, three rows a page.
    const paged: number[] = [];
    let before: number | null = null;
    for (;;) {
      const page = searchAudit(db, { personId: p }, before, 3);
      paged.push(...page.slice(0, 3).map((row) => row.id));
      if (page.length <= 3) break;
      before = page[2]!.id;
    }
    expect(paged).toEqual([...expected].reverse());
  }
}

describe('access log: persons shown, staged then merged', () => {
  it('finds what the plain path finds, however far the merge got', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const db = openMemoryDb();
        try {
          const rows: { id: number; personId: number | null; personIds: number[] }[] = [];
          for (const s of steps) {
            if (s.kind === 'log') rows.push({ id: log(db, s.personId, s.personIds), personId: s.personId, personIds: s.personIds });
            else db.$client.transaction(() => mergeShownPersons(db, s.maxPersons))();
          }
          expectLookupsEqualPlain(db, rows);
          mergeAllShownPersons(db);
          expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log_shown').get()).toEqual({ n: 0 });
          const indexed = db.$client.prepare('SELECT person_id AS p, audit_id AS a FROM audit_log_persons').all() as {
            p: number;
            a: number;
          }[];
          expect(new Set(indexed.map((pair) => `${pair.p}:${pair.a}`))).toEqual(plainPairs(rows));
          expectLookupsEqualPlain(db, rows);
        } finally {
          db.$client.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('moves the oldest rows first, no more persons than asked but always one row', () => {
    const db = openMemoryDb();
    const ids = [log(db, null, [1, 2, 3]), log(db, null, [4, 5]), log(db, null, [6])];
    const merge = (max: number) => db.$client.transaction(() => mergeShownPersons(db, max))();
    expect(merge(2)).toEqual({ rows: 1, persons: 3, more: true });
    expect(merge(3)).toEqual({ rows: 2, persons: 3, more: false });
    expect(merge(3)).toEqual({ rows: 0, persons: 0, more: false });
    expect(accessLogOfPerson(db, 5).map((row) => row.id)).toEqual([ids[1]]);
    db.$client.close();
  });

  it('lets a staged row leave only once its persons are indexed, and never change', () => {
    const db = openMemoryDb();
    const id = log(db, null, [1, 2]);
    expect(() => db.$client.prepare('DELETE FROM audit_log_shown').run()).toThrow(/leaves only once its persons are in audit_log_persons/);
    expect(() => db.$client.prepare(`UPDATE audit_log_shown SET person_ids = '[1]'`).run()).toThrow(/append-only/);
    db.$client.prepare('INSERT INTO audit_log_persons (person_id, audit_id) VALUES (1, ?)').run(id);
    expect(() => db.$client.prepare('DELETE FROM audit_log_shown').run()).toThrow(/leaves only once/);
    db.$client.prepare('INSERT INTO audit_log_persons (person_id, audit_id) VALUES (2, ?)').run(id);
    db.$client.prepare('DELETE FROM audit_log_shown').run();
    expect(accessLogOfPerson(db, 2).map((row) => row.id)).toEqual([id]);
    db.$client.close();
  });

  it('drops a null among the persons shown, and still merges', () => {
    const db = openMemoryDb();
    const id = log(db, null, [1, null as unknown as number, 2]);
    expect(db.$client.prepare('SELECT person_ids FROM audit_log_shown').get()).toEqual({ person_ids: '[1,2]' });
    db.$client.exec(`INSERT INTO audit_log_shown (audit_id, persons, person_ids) VALUES (${id + 1}, 2, '[3,null]')`);
    mergeAllShownPersons(db);
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log_shown').get()).toEqual({ n: 0 });
    expect(accessLogOfPerson(db, 2).map((row) => row.id)).toEqual([id]);
    db.$client.close();
  });

  it('stages nothing for a row that shows only its own person', () => {
    const db = openMemoryDb();
    log(db, 7, [7, 7]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log_shown').get()).toEqual({ n: 0 });
    db.$client.close();
  });
});

describe('when the group commit merges', () => {
  it('is due at start, after enough persons, a second after the last merge, and while rows are left', () => {
    const db = openMemoryDb();
    const merge = new ShownPersonsMerge(db);
    const t0 = 1_000_000;
    expect(merge.due(t0)).toBe(true);
    merge.run(t0);
    expect(merge.due(t0 + 10)).toBe(false);
    merge.noteStaged(1999);
    expect(merge.due(t0 + 10)).toBe(false);
    merge.noteStaged(1);
    expect(merge.due(t0 + 10)).toBe(true);
    merge.run(t0 + 10);
    expect(merge.due(t0 + 1009)).toBe(false);
    expect(merge.due(t0 + 1010)).toBe(true);

    for (let i = 0; i < 3; i++)
      log(
        db,
        null,
        Array.from({ length: MERGE_PERSONS }, (_, k) => k + 1),
      );
    merge.run(t0 + 2000);
    expect(merge.behind).toBe(true);
    expect(merge.due(t0 + 2001)).toBe(true);
    merge.run(t0 + 2001);
    merge.run(t0 + 2002);
    expect(merge.behind).toBe(false);
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log_shown').get()).toEqual({ n: 0 });
    db.$client.close();
  });

  it('leaves the rows staged, and still found, when a merge fails, and says so', async () => {
    const db = openMemoryDb();
    const id = log(db, null, [3, 4]);
    db.$client.exec(`CREATE TRIGGER refuse BEFORE INSERT ON audit_log_persons BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const merge = new ShownPersonsMerge(db);
      db.$client.transaction(() => {
        log(db, 3, []);
        expect(merge.run()).toBe(0);
      })();
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual(['disk says no']);
    } finally {
      process.off('warning', onWarning);
    }
    expect(db.$client.prepare('SELECT count(*) AS n FROM audit_log_shown').get()).toEqual({ n: 1 });
    expect(accessLogOfPerson(db, 4).map((row) => row.id)).toEqual([id]);
    expect(accessLogOfPerson(db, 3).map((row) => row.id)).toEqual([id, id + 1]);
    db.$client.close();
  });
});
