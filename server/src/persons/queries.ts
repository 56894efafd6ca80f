import { and, asc, eq, gte, lt, not, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { schema, type Queryable } from '@bds/db';
import { personSchema, receivedFields, type Role } from '@bds/shared';
import { prepared } from '../prepared.ts';
import { receivedJsonObjectOf } from '../sql-json.ts';
import type { AccessPolicy, RowScope } from '../access/policy.ts';

const { persons, personServices, ptris } = schema;

/** A person within `scope`. */
export function personById(db: Queryable, id: number, scope: RowScope) {
  return prepared(db, `personById:${scope.key}`, (db) =>
    db
      .select()
      .from(persons)
      .where(and(eq(persons.id, sql.placeholder('id')), scope.persons))
      .prepare(),
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

export function isInCareOf(db: Queryable, personId: number, serviceId: number): boolean {
  return (
    db
      .select({ id: personServices.personId })
      .from(personServices)
      .where(and(eq(personServices.personId, personId), eq(personServices.serviceId, serviceId)))
      .get() !== undefined
  );
}

export function projectsOfPerson(db: Queryable, personId: number, scope: RowScope) {
  return prepared(db, `projectsOfPerson:${scope.key}`, (db) =>
    db
      .select({
        id: ptris.id,
        serviceId: ptris.serviceId,
        lotId: ptris.lotId,
        status: ptris.status,
        startDate: ptris.startDate,
        endDate: ptris.endDate,
        renewsPtriId: ptris.renewsPtriId,
      })
      .from(ptris)
      .where(and(eq(ptris.personId, sql.placeholder('personId')), scope.ptris))
      .orderBy(asc(ptris.startDate), asc(ptris.id))
      .prepare(),
  ).all({ personId });
}

/** A half-open range [prefix, prefix + U+FFFF) that an index on the column can scan, with the prefix as a parameter. */
function prefixRange(column: AnySQLiteColumn) {
  return and(gte(column, sql.placeholder('from')), lt(column, sql.placeholder('to')));
}

export type PersonSearch = { kind: 'all' } | { kind: 'fiscalCode'; prefix: string } | { kind: 'name'; prefix: string };

/**
 * Whose persons a search reads: those `visible` allows, or all the persons of one service (a case
 * manager's scope); `role` says which of their fields the reader receives.
 */
type PersonScope = { visible: SQL | undefined; serviceId: number | undefined; role: Role };

type SearchKeys = Record<'searchKey' | 'searchKeyAlt' | 'id', AnySQLiteColumn>;
const personKeys: SearchKeys = { searchKey: persons.searchKey, searchKeyAlt: persons.searchKeyAlt, id: persons.id };
const serviceKeys: SearchKeys = {
  searchKey: personServices.searchKey,
  searchKeyAlt: personServices.searchKeyAlt,
  id: personServices.personId,
};
type KeyName = 'searchKey' | 'searchKeyAlt';

/**
 * Each person found as JSON, written by SQLite as the reply's JSON (sql-json.ts): the fields the
 * reader's role receives of a person, as the access table says, no more read per row.
 */
const jsonFor = (scope: PersonScope) =>
  receivedJsonObjectOf(personSchema.required(), receivedFields(scope.role, 'person'), {
    id: persons.id,
    fiscalCode: persons.fiscalCode,
    givenName: persons.givenName,
    familyName: persons.familyName,
    birthDate: persons.birthDate,
    sex: persons.sex,
    districtId: persons.districtId,
  });

/** The conditions and key of one run of a search: rows of `source` in `key` order from the cursor. */
function keyOrder(scope: PersonScope, order: KeyName, match: (keys: SearchKeys) => SQL | undefined, after: boolean) {
  const keys = scope.serviceId === undefined ? personKeys : serviceKeys;
  const key = keys[order];
  const from = and(
    match(keys),
    after ? sql`(${key}, ${keys.id}) > (${sql.placeholder('afterKey')}, ${sql.placeholder('afterId')})` : undefined,
  );
  const where = scope.serviceId === undefined ? and(from, scope.visible) : and(eq(personServices.serviceId, scope.serviceId), from);
  return { keys, key, where };
}

/**
 * Persons matching `match` in the order of one key from the cursor, at most `limit` of them,
 * each with that key as `sortKey` and its JSON. In one service's scope the keys are read from
 * person_services, whose index holds exactly that service's persons in key order; otherwise
 * from the persons' own index, each row checked against the scope condition.
 */
function personsInKeyOrder(
  db: Queryable,
  scope: PersonScope,
  order: KeyName,
  match: (keys: SearchKeys) => SQL | undefined,
  after: boolean,
) {
  const { keys, key, where } = keyOrder(scope, order, match, after);
  const columns = { id: persons.id, sortKey: sql<string>`${key}`, json: jsonFor(scope) };
  const source =
    scope.serviceId === undefined
      ? db.select(columns).from(persons)
      : db.select(columns).from(personServices).innerJoin(persons, eq(persons.id, personServices.personId));
  return source.where(where).orderBy(asc(key), asc(keys.id)).limit(sql.placeholder('limit')).prepare();
}

/**
 * A search by name in one statement: each key order's run reads only ids and keys from its
 * index (at most `limit` each), SQLite merges the two runs into the page, and only the persons
 * of the page are joined for their JSON.
 */
function personsByName(db: Queryable, scope: PersonScope, after: boolean) {
  const run = (order: KeyName, match: (keys: SearchKeys) => SQL | undefined, alias: string) => {
    const { keys, key, where } = keyOrder(scope, order, match, after);
    const source = scope.serviceId === undefined ? persons : personServices;
    return db
      .select({ id: sql<number>`${keys.id}`.as('id'), sortKey: sql<string>`${key}`.as('sort_key') })
      .from(source)
      .where(where)
      .orderBy(asc(key), asc(keys.id))
      .limit(sql.placeholder('limit'))
      .as(alias);
  };
  const familyFirst = run('searchKey', (keys) => prefixRange(keys.searchKey), 'family_first');
  const givenFirst = run('searchKeyAlt', (keys) => and(prefixRange(keys.searchKeyAlt), not(prefixRange(keys.searchKey)!)), 'given_first');
  const page = sql`(SELECT * FROM ${familyFirst} UNION ALL SELECT * FROM ${givenFirst} ORDER BY sort_key, id LIMIT ${sql.placeholder('limit')}) AS page`;
  return db
    .select({ id: sql<number>`page.id`, sortKey: sql<string>`page.sort_key`, json: jsonFor(scope) })
    .from(page)
    .innerJoin(persons, sql`${persons.id} = page.id`)
    .orderBy(sql`page.sort_key`, sql`page.id`)
    .prepare();
}

/**
 * Persons ordered by name, from the row after `after`, each with the key it is ordered by.
 * A name matches either key order ("family given" or "given family"). Rather than one scan
 * ORing both ranges (SQLite then gathers and sorts every match of both before the scope and
 * the page), each key is read in its own index order from the cursor, at most `limit + 1`
 * rows each, and the two ordered runs are merged: a person is listed under the key the text
 * matched (under the family-first key when both match), and the page is ordered by that key.
 */
export function searchPersons(
  db: Queryable,
  search: PersonSearch,
  policy: AccessPolicy,
  after: [string, number] | null,
  limit: number,
): SearchedPerson[] {
  const scope: PersonScope = { visible: policy.persons, serviceId: policy.personsService, role: policy.role };
  const prefix = search.kind === 'all' ? {} : { from: search.prefix, to: `${search.prefix}\uffff` };
  const params = { ...prefix, afterKey: after?.[0], afterId: after?.[1], limit: limit + 1 };
  const shape = `${policy.key}:${after ? 'after' : 'first'}`;
  if (search.kind === 'name') return prepared(db, `personsByName:${shape}`, (db) => personsByName(db, scope, after !== null)).all(params);
  const match = search.kind === 'fiscalCode' ? () => prefixRange(persons.fiscalCode) : () => undefined;
  // A codice fiscale is unique: its prefix is searched on the persons' own index whatever the scope.
  const source = search.kind === 'fiscalCode' ? { ...scope, serviceId: undefined } : scope;
  return prepared(db, `personsBy:${search.kind}:${shape}`, (db) => personsInKeyOrder(db, source, 'searchKey', match, after !== null)).all(
    params,
  );
}

/** A person found, with the key the page is ordered by and its JSON for the reply. */
export type SearchedPerson = { id: number; sortKey: string; json: string };
