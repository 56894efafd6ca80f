import { and, asc, eq, gt, gte, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema, type Queryable } from '@bds/db';

const { persons, personServices, ptris } = schema;

export function personById(db: Queryable, id: number, visible: SQL | undefined) {
  return db.select().from(persons).where(and(eq(persons.id, id), visible)).get();
}

export function personByFiscalCode(db: Queryable, fiscalCode: string) {
  return db.select().from(persons).where(eq(persons.fiscalCode, fiscalCode)).get();
}

export function insertPerson(db: Queryable, values: typeof persons.$inferInsert) {
  return db.insert(persons).values(values).returning().get();
}

export function linkPersonToService(db: Queryable, personId: number, serviceId: number) {
  db.insert(personServices).values({ personId, serviceId }).onConflictDoNothing().run();
}

export function projectsOfPerson(db: Queryable, personId: number, visible: SQL | undefined) {
  return db
    .select({
      id: ptris.id,
      serviceId: ptris.serviceId,
      lotId: ptris.lotId,
      status: ptris.status,
      startDate: ptris.startDate,
      endDate: ptris.endDate,
    })
    .from(ptris)
    .where(and(eq(ptris.personId, personId), visible))
    .orderBy(asc(ptris.startDate), asc(ptris.id))
    .all();
}

/** A half-open range [prefix, prefix + U+FFFF) that an index on the column can scan. */
function prefixRange(column: AnySQLiteColumn, prefix: string) {
  return and(gte(column, prefix), lt(column, `${prefix}\uffff`));
}

export type PersonSearch =
  | { kind: 'all' }
  | { kind: 'fiscalCode'; prefix: string }
  | { kind: 'name'; prefix: string };

/**
 * Persons ordered by name, from the row after `after`, each with the key it is ordered by.
 * A name matches either key order ("family given" or "given family"). Rather than one query
 * ORing both ranges (SQLite then gathers and sorts every match of both before the scope and
 * the page), each key is read in its own index order from the cursor, at most `limit + 1`
 * rows each, and the two ordered runs are merged: a person is listed under the key the text
 * matched (under the family-first key when both match), and the page is ordered by that key.
 */
export function searchPersons(
  db: Queryable,
  search: PersonSearch,
  visible: SQL | undefined,
  after: [string, number] | null,
  limit: number,
): (typeof persons.$inferSelect & { sortKey: string })[] {
  if (search.kind === 'name') {
    const run = (key: AnySQLiteColumn, exclude: SQL | undefined) =>
      db
        .select()
        .from(persons)
        .where(and(prefixRange(key, search.prefix), exclude, visible, after ? sql`(${key}, ${persons.id}) > (${after[0]}, ${after[1]})` : undefined))
        .orderBy(asc(key), asc(persons.id))
        .limit(limit + 1)
        .all();
    const familyFirst = run(persons.searchKey, undefined).map((row) => ({ ...row, sortKey: row.searchKey }));
    const givenFirst = run(persons.searchKeyAlt, not(prefixRange(persons.searchKey, search.prefix)!)).map((row) => ({ ...row, sortKey: row.searchKeyAlt }));
    const merged = [];
    let i = 0;
    let j = 0;
    while (merged.length < limit + 1 && (i < familyFirst.length || j < givenFirst.length)) {
      const a = familyFirst[i];
      const b = givenFirst[j];
      if (a && (!b || a.sortKey < b.sortKey || (a.sortKey === b.sortKey && a.id < b.id))) {
        merged.push(a);
        i++;
      } else if (b) {
        merged.push(b);
        j++;
      }
    }
    return merged;
  }
  const match = search.kind === 'fiscalCode' ? prefixRange(persons.fiscalCode, search.prefix) : undefined;
  const cursor = after
    ? or(gt(persons.searchKey, after[0]), and(eq(persons.searchKey, after[0]), gt(persons.id, after[1])))
    : undefined;
  return db
    .select()
    .from(persons)
    .where(and(match, visible, cursor))
    .orderBy(asc(persons.searchKey), asc(persons.id))
    .limit(limit + 1)
    .all()
    .map((row) => ({ ...row, sortKey: row.searchKey }));
}
