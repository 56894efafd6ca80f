// Queries prepared once (server/src/prepared.ts) give the same rows as drizzle's own prepared query: the
// flat-row mapping keeps every column's decoder (booleans, JSON, SQL expressions) and nulls. One-off
// `sql` queries run on statements compiled once per text give drizzle's rows, inside transactions too.
import { describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { openMemoryDb, schema, type Queryable } from '@bds/db';
import { allRows, oneRow, prepared } from '@bds/server/prepared.ts';

const { districts, services, lots } = schema;

/** An empty database with one district and two services: A (CSM, active) and B (NPIA, inactive). */
function dbWithTwoServices() {
  const db = openMemoryDb();
  const district = db.insert(districts).values({ code: 'TEST', name: 'Distretto di prova' }).returning().get();
  db.insert(services).values([
    { code: 'A', kind: 'CSM', name: 'CSM Alfa', districtId: district.id, active: true },
    { code: 'B', kind: 'NPIA', name: 'NPIA Beta', districtId: district.id, active: false },
  ]).run();
  return db;
}

describe('prepared queries', () => {
  it('map a flat selection exactly as drizzle does, for every kind of column', () => {
    const db = dbWithTwoServices();
    db.insert(lots).values({ number: 9, title: 'Lotto', tenderYear: 2030, serviceKinds: ['CSM', 'NPIA'], contractor: 'Coop', hourlyRateCents: null }).run();
    const build = (db: Queryable) =>
      db
        .select({
          id: services.id,
          name: services.name,
          active: services.active,
          label: sql<string>`${services.code} || '-' || ${services.name}`,
          kinds: lots.serviceKinds,
          rate: lots.hourlyRateCents,
        })
        .from(services)
        .innerJoin(lots, eq(lots.number, sql.placeholder('lot')))
        .orderBy(asc(services.id));
    const expected = build(db).prepare().all({ lot: 9 });
    const rows = prepared(db, 'test:flat-rows', (tx) => build(tx).prepare()).all({ lot: 9 });
    expect(rows).toEqual(expected);
    expect(rows).toEqual([
      { id: expect.any(Number), name: 'CSM Alfa', active: true, label: 'A-CSM Alfa', kinds: ['CSM', 'NPIA'], rate: null },
      { id: expect.any(Number), name: 'NPIA Beta', active: false, label: 'B-NPIA Beta', kinds: ['CSM', 'NPIA'], rate: null },
    ]);
  });

  it('run one-off sql queries like drizzle, compiling each text once per connection', () => {
    const db = dbWithTwoServices();
    const byKind = (kind: string) => sql`SELECT code, name, active FROM ${services} WHERE kind = ${kind} ORDER BY code`;
    const compiles: string[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((text: string) => (compiles.push(text), prepare(text))) as typeof db.$client.prepare;

    expect(allRows(db, byKind('CSM'))).toEqual(db.all(byKind('CSM')));
    expect(allRows(db, byKind('NPIA'))).toEqual([{ code: 'B', name: 'NPIA Beta', active: 0 }]);
    expect(oneRow(db, byKind('CSM'))).toEqual({ code: 'A', name: 'CSM Alfa', active: 1 });
    expect(oneRow(db, byKind('SerDP'))).toBeUndefined();
    // In a transaction: the same connection and cache, and the transaction's own writes are seen.
    db.transaction((tx) => {
      tx.update(services).set({ name: 'CSM Alfa nuovo' }).where(eq(services.code, 'A')).run();
      expect(allRows(tx, byKind('CSM'))).toEqual([{ code: 'A', name: 'CSM Alfa nuovo', active: 1 }]);
    });
    const ours = compiles.filter((text) => text.startsWith('SELECT code, name, active'));
    // db.all compiled its own copy once; every other call reused the one compiled statement.
    expect(ours).toHaveLength(2);
  });
});
