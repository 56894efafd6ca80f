import { and, asc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
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

/** Persons ordered by name (search key, then id), from the row after `after`. */
export function searchPersons(
  db: Queryable,
  search: PersonSearch,
  visible: SQL | undefined,
  after: [string, number] | null,
  limit: number,
) {
  const match =
    search.kind === 'fiscalCode'
      ? prefixRange(persons.fiscalCode, search.prefix)
      : search.kind === 'name'
        ? or(prefixRange(persons.searchKey, search.prefix), prefixRange(persons.searchKeyAlt, search.prefix))
        : undefined;
  const cursor = after
    ? or(gt(persons.searchKey, after[0]), and(eq(persons.searchKey, after[0]), gt(persons.id, after[1])))
    : undefined;
  return db
    .select()
    .from(persons)
    .where(and(match, visible, cursor))
    .orderBy(asc(persons.searchKey), asc(persons.id))
    .limit(limit + 1)
    .all();
}
