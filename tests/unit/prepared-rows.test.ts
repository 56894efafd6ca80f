// Queries prepared once (server/src/prepared.ts) give the same rows as drizzle's own prepared query: the
// flat-row mapping keeps every column's decoder (booleans, JSON, SQL expressions) and nulls.
import { describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { openMemoryDb, schema, type Queryable } from '@bds/db';
import { prepared } from '@bds/server/prepared.ts';

const { districts, services, lots } = schema;

describe('prepared queries', () => {
  it('map a flat selection exactly as drizzle does, for every kind of column', () => {
    const db = openMemoryDb();
    const district = db.insert(districts).values({ code: 'TEST', name: 'Distretto di prova' }).returning().get();
    db.insert(services)
      .values([
        { code: 'A', kind: 'CSM', name: 'CSM Alfa', districtId: district.id, active: true },
        { code: 'B', kind: 'NPIA', name: 'NPIA Beta', districtId: district.id, active: false },
      ])
      .run();
    db.insert(lots)
      .values({ number: 9, title: 'Lotto', tenderYear: 2030, serviceKinds: ['CSM', 'NPIA'], contractor: 'Coop', hourlyRateCents: null })
      .run();
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
});
