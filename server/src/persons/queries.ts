import { and, asc, eq, gt, gte, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema, type Queryable } from '@bds/db';
import { prepared } from '../prepared.ts';

const { persons, personServices, ptris } = schema;

/** `visible` is the scope condition of the user `scope` names (see `scopeKey`). */
export function personById(db: Queryable, id: number, visible: SQL | undefined, scope: string) {
  return prepared(db, `personById:${scope}`, (db) =>
    db.select().from(persons).where(and(eq(persons.id, sql.placeholder('id')), visible)).prepare(),
  ).get({ id });
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

export function projectsOfPerson(db: Queryable, personId: number, visible: SQL | undefined, scope: string) {
  return prepared(db, `projectsOfPerson:${scope}`, (db) =>
    db
    .select({
      id: ptris.id,
      serviceId: ptris.serviceId,
      lotId: ptris.lotId,
      status: ptris.status,
      startDate: ptris.startDate,
      endDate: ptris.endDate,
    })
    .from(ptris)
    .where(and(eq(ptris.personId, sql.placeholder('personId')), visible))
    .orderBy(asc(ptris.startDate), asc(ptris.id))
    .prepare(),
  ).all({ personId });
}

/** A half-open range [prefix, prefix + U+FFFF) that an index on the column can scan, with the prefix as a parameter. */
function prefixRange(column: AnySQLiteColumn) {
  return and(gte(column, sql.placeholder('from')), lt(column, sql.placeholder('to')));
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
  scope: string,
  after: [string, number] | null,
  limit: number,
): (typeof persons.$inferSelect & { sortKey: string })[] {
  const prefix = search.kind === 'all' ? {} : { from: search.prefix, to: `${search.prefix}\uffff` };
  const params = { ...prefix, afterKey: after?.[0], afterId: after?.[1], limit: limit + 1 };
  const paged = after ? 'after' : 'first';
  if (search.kind === 'name') {
    const run = (key: AnySQLiteColumn, exclude: SQL | undefined) =>
      db
        .select()
        .from(persons)
        .where(and(prefixRange(key), exclude, visible, after ? sql`(${key}, ${persons.id}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')})` : undefined))
        .orderBy(asc(key), asc(persons.id))
        .limit(sql.placeholder('limit'))
        .prepare();
    const familyFirst = prepared(db, `personsByName:${scope}:${paged}`, () => run(persons.searchKey, undefined))
      .all(params)
      .map((row) => ({ ...row, sortKey: row.searchKey }));
    const givenFirst = prepared(db, `personsByNameAlt:${scope}:${paged}`, () => run(persons.searchKeyAlt, not(prefixRange(persons.searchKey)!)))
      .all(params)
      .map((row) => ({ ...row, sortKey: row.searchKeyAlt }));
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
  const query = prepared(db, `personsBy:${search.kind}:${scope}:${paged}`, (db) => {
    const match = search.kind === 'fiscalCode' ? prefixRange(persons.fiscalCode) : undefined;
    const afterKey = sql.placeholder('afterKey');
    const cursor = after ? or(gt(persons.searchKey, afterKey), and(eq(persons.searchKey, afterKey), gt(persons.id, sql.placeholder('afterId')))) : undefined;
    return db
      .select()
      .from(persons)
      .where(and(match, visible, cursor))
      .orderBy(asc(persons.searchKey), asc(persons.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  });
  return query.all(params).map((row) => ({ ...row, sortKey: row.searchKey }));
}
