// The database side of the caseload import and export: drizzle, nothing else.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { caseloadImports, importedPtris, persons, ptris, lots, services, districts, users, goals, ptriCooperatives, cooperatives } = schema;

export function activeCaseManagers(db: Queryable) {
  return db
    .select({ id: users.id, username: users.username, serviceId: users.serviceId })
    .from(users)
    .where(and(eq(users.role, 'case_manager'), eq(users.active, true)))
    .all();
}

export function personsByFiscalCode(db: Queryable, fiscalCodes: string[]) {
  const found = [];
  // SQLite caps the parameters of one statement; 500 codes at a time stays well below it.
  for (let at = 0; at < fiscalCodes.length; at += 500) {
    found.push(...db.select().from(persons).where(inArray(persons.fiscalCode, fiscalCodes.slice(at, at + 500))).all());
  }
  return found;
}

/** The projects of these persons, keyed as a row matches them: person, lot number, start date. */
export function projectKeysOf(db: Queryable, personIds: number[]) {
  const found = [];
  for (let at = 0; at < personIds.length; at += 500) {
    found.push(
      ...db
        .select({ id: ptris.id, personId: ptris.personId, lotNumber: lots.number, startDate: ptris.startDate })
        .from(ptris)
        .innerJoin(lots, eq(lots.id, ptris.lotId))
        .where(inArray(ptris.personId, personIds.slice(at, at + 500)))
        .all(),
    );
  }
  return found;
}

export function importByHash(db: Queryable, sha256: string) {
  return db.select().from(caseloadImports).where(eq(caseloadImports.sha256, sha256)).orderBy(asc(caseloadImports.id)).get();
}

export function insertImport(db: Queryable, values: typeof caseloadImports.$inferInsert) {
  return db.insert(caseloadImports).values(values).returning().get();
}

export function markImported(db: Queryable, ptriId: number, importId: number, row: number) {
  db.insert(importedPtris).values({ ptriId, importId, row }).run();
}

export interface ExportFilters {
  year?: number;
  serviceId?: number;
}

/** Goals of one axis in their order, joined the way the spreadsheet writes a list. */
const goalsOf = (axis: string) =>
  sql<string | null>`(SELECT group_concat(description, '|') FROM (SELECT ${goals.description} AS description FROM ${goals}
    WHERE ${goals.ptriId} = ${ptris.id} AND ${goals.axis} = ${axis} ORDER BY ${goals.position}))`;

/**
 * The projects of the caseload (active, suspended, closed) in scope, with everything a row of
 * the spreadsheet holds; with a year, those in care on at least one day of it.
 */
export function caseloadRows(db: Queryable, filters: ExportFilters, visible: SQL | undefined) {
  const inYear = filters.year
    ? and(sql`${ptris.activatedOn} <= ${`${filters.year}-12-31`}`, sql`COALESCE(${ptris.endedOn}, ${ptris.endDate}) >= ${`${filters.year}-01-01`}`)
    : undefined;
  return db
    .select({
      id: ptris.id,
      personId: ptris.personId,
      fiscalCode: persons.fiscalCode,
      familyName: persons.familyName,
      givenName: persons.givenName,
      birthDate: persons.birthDate,
      sex: persons.sex,
      district: districts.name,
      service: services.name,
      lotNumber: lots.number,
      startDate: ptris.startDate,
      endDate: ptris.endDate,
      status: ptris.status,
      endedOn: ptris.endedOn,
      intensity: ptris.intensity,
      cooperatives: sql<string | null>`(SELECT group_concat(name, '|') FROM (SELECT ${cooperatives.name} AS name FROM ${ptriCooperatives}
        JOIN ${cooperatives} ON ${cooperatives.id} = ${ptriCooperatives.cooperativeId} WHERE ${ptriCooperatives.ptriId} = ${ptris.id} ORDER BY ${cooperatives.name}))`,
      caseManager: users.username,
      goalsHabitat: goalsOf('habitat'),
      goalsSociality: goalsOf('sociality'),
      goalsWork: goalsOf('work'),
    })
    .from(ptris)
    .innerJoin(persons, eq(persons.id, ptris.personId))
    .innerJoin(districts, eq(districts.id, persons.districtId))
    .innerJoin(services, eq(services.id, ptris.serviceId))
    .innerJoin(lots, eq(lots.id, ptris.lotId))
    .leftJoin(users, eq(users.id, ptris.caseManagerId))
    .where(and(inArray(ptris.status, ['active', 'suspended', 'closed']), filters.serviceId ? eq(ptris.serviceId, filters.serviceId) : undefined, inYear, visible))
    .orderBy(asc(persons.familyName), asc(persons.givenName), asc(ptris.startDate), asc(ptris.id))
    .all();
}

export type CaseloadExportRow = ReturnType<typeof caseloadRows>[number];
