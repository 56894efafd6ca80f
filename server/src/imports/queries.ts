// The database side of the caseload import and export: drizzle, nothing else.
import { and, asc, eq, getTableName, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '@bds/db';
import type { GoalStatus } from '@bds/shared';

const { caseloadImports, importedPtris, persons, ptris, lots, services, districts, users, goals, ptriCooperatives, cooperatives } = schema;

export function activeCaseManagers(db: Queryable) {
  return db
    .select({ id: users.id, username: users.username, serviceId: users.serviceId })
    .from(users)
    .where(and(eq(users.role, 'case_manager'), eq(users.active, true)))
    .all();
}

/** At most `LOOKUP_BATCH` codes: SQLite caps the parameters of one statement. */
export function personsByFiscalCode(db: Queryable, fiscalCodes: string[]) {
  return db.select().from(persons).where(inArray(persons.fiscalCode, fiscalCodes)).all();
}

/** At most `LOOKUP_BATCH` persons. */
export function projectKeysOf(db: Queryable, personIds: number[]) {
  return db
    .select({ id: ptris.id, personId: ptris.personId, lotNumber: lots.number, startDate: ptris.startDate })
    .from(ptris)
    .innerJoin(lots, eq(lots.id, ptris.lotId))
    .where(inArray(ptris.personId, personIds))
    .all();
}

/** Keys per lookup statement: well below SQLite's parameter cap, and a few tens of milliseconds each on tier M. */
export const LOOKUP_BATCH = 250;

export function importByHash(db: Queryable, sha256: string) {
  return db.select().from(caseloadImports).where(eq(caseloadImports.sha256, sha256)).orderBy(asc(caseloadImports.id)).get();
}

export function insertImport(db: Queryable, values: typeof caseloadImports.$inferInsert) {
  return db.insert(caseloadImports).values(values).returning().get();
}

export interface NewImportedProject {
  personId: number;
  serviceId: number;
  lotId: number;
  caseManagerId: number | null;
  status: string;
  intensity: string;
  startDate: string;
  endDate: string;
  activatedOn: string;
  endedOn: string | null;
  at: string;
}

/**
 * The writes of an import as statements prepared once: drizzle builds the SQL text again for
 * every insert, which was most of the time of a 5,000-row file. They run in the caller's
 * transaction (one connection), and the summary triggers fire on each insert as on any other.
 */
export function importWriter(db: Db) {
  const c = db.$client;
  const person =
    c.prepare(`INSERT INTO persons (fiscal_code, given_name, family_name, search_key, search_key_alt, birth_date, sex, district_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const personService = c.prepare('INSERT OR IGNORE INTO person_services (service_id, person_id) VALUES (?, ?)');
  const ptri = c.prepare(`INSERT INTO ptris (person_id, service_id, lot_id, case_manager_id, status, intensity, start_date, end_date,
    activated_on, ended_on, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`);
  const goal = c.prepare('INSERT INTO goals (ptri_id, axis, description, target_date, status, position) VALUES (?, ?, ?, NULL, ?, ?)');
  const cooperative = c.prepare('INSERT INTO ptri_cooperatives (ptri_id, cooperative_id) VALUES (?, ?)');
  const imported = c.prepare(`INSERT INTO ${getTableName(importedPtris)} (ptri_id, import_id, row) VALUES (?, ?, ?)`);
  return {
    person(values: Omit<typeof persons.$inferInsert, 'id' | 'createdAt'>): number {
      const { fiscalCode, givenName, familyName, searchKey, searchKeyAlt, birthDate, sex, districtId } = values;
      return Number(person.run(fiscalCode, givenName, familyName, searchKey, searchKeyAlt, birthDate, sex, districtId).lastInsertRowid);
    },
    project(
      p: NewImportedProject,
      goals: { axis: string; description: string; status: string }[],
      cooperativeIds: number[],
      importId: number,
      row: number,
    ): number {
      const id = Number(
        ptri.run(
          p.personId,
          p.serviceId,
          p.lotId,
          p.caseManagerId,
          p.status,
          p.intensity,
          p.startDate,
          p.endDate,
          p.activatedOn,
          p.endedOn,
          p.at,
          p.at,
        ).lastInsertRowid,
      );
      goals.forEach((g, index) => goal.run(id, g.axis, g.description, g.status, index + 1));
      for (const cooperativeId of cooperativeIds) cooperative.run(id, cooperativeId);
      personService.run(p.serviceId, p.personId);
      imported.run(id, importId, row);
      return id;
    },
  };
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
 * the spreadsheet holds; with a year, those in care on at least one day of it. At most `limit` of
 * those with ids in (afterId, upToId], in project order: read along the projects' (or a service's)
 * index, so that a page costs its own rows, never a sort of the whole caseload first.
 */
export function caseloadRows(
  db: Queryable,
  filters: ExportFilters,
  visible: SQL | undefined,
  ids: { afterId: number; upToId: number },
  limit: number,
) {
  const inYear = filters.year
    ? and(
        sql`${ptris.activatedOn} <= ${`${filters.year}-12-31`}`,
        sql`COALESCE(${ptris.endedOn}, ${ptris.endDate}) >= ${`${filters.year}-01-01`}`,
      )
    : undefined;
  return (
    db
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
        // The one status all the goals share, if they share one: the spreadsheet has a single outcome column.
        goalsStatus: sql<GoalStatus | null>`(SELECT CASE WHEN COUNT(DISTINCT ${goals.status}) = 1 THEN MIN(${goals.status}) END
        FROM ${goals} WHERE ${goals.ptriId} = ${ptris.id})`,
      })
      // CROSS JOIN keeps the projects outermost, read in their index's order: SQLite never reorders it.
      .from(ptris)
      .crossJoin(persons)
      .innerJoin(districts, eq(districts.id, persons.districtId))
      .innerJoin(services, eq(services.id, ptris.serviceId))
      .innerJoin(lots, eq(lots.id, ptris.lotId))
      .leftJoin(users, eq(users.id, ptris.caseManagerId))
      .where(
        and(
          eq(persons.id, ptris.personId),
          // The unary + keeps SQLite off the status index: its rows would need sorting by project first.
          sql`+${ptris.status} IN ('active', 'suspended', 'closed')`,
          filters.serviceId ? eq(ptris.serviceId, filters.serviceId) : undefined,
          inYear,
          visible,
          gt(ptris.id, ids.afterId),
          lte(ptris.id, ids.upToId),
        ),
      )
      .orderBy(asc(ptris.id))
      .limit(limit)
      .all()
  );
}

export type CaseloadExportRow = ReturnType<typeof caseloadRows>[number];

/** The highest project id: where the export's batches end. */
export function lastProjectId(db: Queryable): number {
  return db.get<{ id: number | null }>(sql`SELECT MAX(${ptris.id}) AS id FROM ${ptris}`)?.id ?? 0;
}
