import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { Axis, PtriStatus } from '@bds/shared';

const { ptris, persons, goals, budgetLines, ptriCooperatives, ptriRevisions, ptriTransitions, evaluations, users, interventions } = schema;

export type PtriRow = typeof ptris.$inferSelect;

export function ptriById(db: Queryable, id: number, visible: SQL | undefined) {
  return db.select().from(ptris).where(and(eq(ptris.id, id), visible)).get();
}

export function insertPtri(db: Queryable, values: typeof ptris.$inferInsert) {
  return db.insert(ptris).values(values).returning().get();
}

/** Updates a project only if it is still at `version`; false when someone else got there first. */
export function updatePtriAtVersion(db: Queryable, id: number, version: number, values: Partial<typeof ptris.$inferInsert>): boolean {
  const result = db
    .update(ptris)
    .set({ ...values, version: version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(ptris.id, id), eq(ptris.version, version)))
    .run();
  return result.changes === 1;
}

export function goalsOf(db: Queryable, ptriId: number) {
  return db.select().from(goals).where(eq(goals.ptriId, ptriId)).orderBy(asc(goals.position)).all();
}

export function budgetLinesOf(db: Queryable, ptriId: number) {
  return db.select().from(budgetLines).where(eq(budgetLines.ptriId, ptriId)).orderBy(asc(budgetLines.position)).all();
}

export function cooperativesOf(db: Queryable, ptriId: number): number[] {
  return db
    .select({ id: ptriCooperatives.cooperativeId })
    .from(ptriCooperatives)
    .where(eq(ptriCooperatives.ptriId, ptriId))
    .all()
    .map((row) => row.id);
}

export function replaceGoals(db: Queryable, ptriId: number, rows: Omit<typeof goals.$inferInsert, 'ptriId' | 'position'>[]) {
  db.delete(goals).where(eq(goals.ptriId, ptriId)).run();
  if (rows.length) db.insert(goals).values(rows.map((row, position) => ({ ...row, ptriId, position }))).run();
}

export function replaceBudgetLines(db: Queryable, ptriId: number, rows: Omit<typeof budgetLines.$inferInsert, 'ptriId' | 'position'>[]) {
  db.delete(budgetLines).where(eq(budgetLines.ptriId, ptriId)).run();
  if (rows.length) db.insert(budgetLines).values(rows.map((row, position) => ({ ...row, ptriId, position }))).run();
}

export function replaceCooperatives(db: Queryable, ptriId: number, cooperativeIds: number[]) {
  db.delete(ptriCooperatives).where(eq(ptriCooperatives.ptriId, ptriId)).run();
  if (cooperativeIds.length) db.insert(ptriCooperatives).values(cooperativeIds.map((cooperativeId) => ({ ptriId, cooperativeId }))).run();
}

export function insertRevision(db: Queryable, values: typeof ptriRevisions.$inferInsert) {
  db.insert(ptriRevisions).values(values).run();
}

export function insertTransition(db: Queryable, values: typeof ptriTransitions.$inferInsert) {
  db.insert(ptriTransitions).values(values).run();
}

export function evaluationsOf(db: Queryable, ptriId: number) {
  return db.select().from(evaluations).where(eq(evaluations.ptriId, ptriId)).orderBy(asc(evaluations.date), asc(evaluations.id)).all();
}

export function latestEvaluation(db: Queryable, ptriId: number) {
  return db.select().from(evaluations).where(eq(evaluations.ptriId, ptriId)).orderBy(desc(evaluations.date), desc(evaluations.id)).get();
}

export function revisionsOf(db: Queryable, ptriId: number) {
  return db
    .select({ revision: ptriRevisions, userName: users.displayName })
    .from(ptriRevisions)
    .leftJoin(users, eq(users.id, ptriRevisions.userId))
    .where(eq(ptriRevisions.ptriId, ptriId))
    .orderBy(asc(ptriRevisions.version))
    .all();
}

export function transitionsOf(db: Queryable, ptriId: number) {
  return db
    .select({ transition: ptriTransitions, userName: users.displayName })
    .from(ptriTransitions)
    .leftJoin(users, eq(users.id, ptriTransitions.userId))
    .where(eq(ptriTransitions.ptriId, ptriId))
    .orderBy(asc(ptriTransitions.id))
    .all();
}

export interface PtriFilters {
  serviceId?: number;
  personId?: number;
  status?: PtriStatus;
  lotId?: number;
  intensity?: 'high' | 'medium' | 'low';
  openGoalAxis?: Axis;
  activeIn?: number;
  reviewOverdueOn?: string;
  namePrefix?: string;
  /** Also match the codice fiscale: only for roles that may search by it. */
  fiscalCodePrefix?: string;
}

/** Projects of a year: active (activated, not ended) on at least one day of it. */
export function activeInYear(year: number): SQL {
  return and(
    lte(ptris.activatedOn, `${year}-12-31`),
    gte(sql`COALESCE(${ptris.endedOn}, ${ptris.endDate})`, `${year}-01-01`),
  )!;
}

export function listPtris(db: Queryable, filters: PtriFilters, visible: SQL | undefined, beforeId: number | null, limit: number) {
  const conditions = [
    visible,
    filters.serviceId ? eq(ptris.serviceId, filters.serviceId) : undefined,
    filters.personId ? eq(ptris.personId, filters.personId) : undefined,
    filters.status ? eq(ptris.status, filters.status) : undefined,
    filters.lotId ? eq(ptris.lotId, filters.lotId) : undefined,
    filters.intensity ? eq(ptris.intensity, filters.intensity) : undefined,
    filters.activeIn ? activeInYear(filters.activeIn) : undefined,
    filters.openGoalAxis
      ? sql`EXISTS (SELECT 1 FROM ${goals} WHERE ${goals.ptriId} = ${ptris.id} AND ${goals.axis} = ${filters.openGoalAxis} AND ${goals.status} = 'open')`
      : undefined,
    filters.reviewOverdueOn
      ? and(inArray(ptris.status, ['active', 'suspended']), lt(ptris.nextReviewDate, filters.reviewOverdueOn))
      : undefined,
    filters.namePrefix
      ? or(
          and(gte(persons.searchKey, filters.namePrefix), lt(persons.searchKey, `${filters.namePrefix}\uffff`)),
          and(gte(persons.searchKeyAlt, filters.namePrefix), lt(persons.searchKeyAlt, `${filters.namePrefix}\uffff`)),
          filters.fiscalCodePrefix
            ? and(gte(persons.fiscalCode, filters.fiscalCodePrefix), lt(persons.fiscalCode, `${filters.fiscalCodePrefix}\uffff`))
            : undefined,
        )
      : undefined,
    beforeId ? lt(ptris.id, beforeId) : undefined,
  ];
  return db
    .select({ ptri: ptris, givenName: persons.givenName, familyName: persons.familyName })
    .from(ptris)
    .innerJoin(persons, eq(persons.id, ptris.personId))
    .where(and(...conditions))
    .orderBy(desc(ptris.id))
    .limit(limit + 1)
    .all();
}

export function personName(db: Queryable, personId: number): string {
  const row = db.select({ g: persons.givenName, f: persons.familyName }).from(persons).where(eq(persons.id, personId)).get();
  return row ? `${row.f} ${row.g}` : '';
}

/** The date of the project's last lifecycle move, if any (moves cannot go back in time). */
export function lastTransitionDate(db: Queryable, ptriId: number): string | null {
  const row = db
    .select({ date: ptriTransitions.effectiveDate })
    .from(ptriTransitions)
    .where(eq(ptriTransitions.ptriId, ptriId))
    .orderBy(desc(ptriTransitions.id))
    .limit(1)
    .get();
  return row?.date ?? null;
}

/** The day of the project's last recorded intervention (index on ptri_id, date). */
export function lastInterventionDate(db: Queryable, ptriId: number): string | null {
  const row = db
    .select({ date: interventions.date })
    .from(interventions)
    .where(eq(interventions.ptriId, ptriId))
    .orderBy(desc(interventions.date))
    .limit(1)
    .get();
  return row?.date ?? null;
}

/** An active account that may be the case manager of a project of this service. */
export function isCaseManagerOf(db: Queryable, userId: number, serviceId: number): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, 'case_manager'), eq(users.serviceId, serviceId), eq(users.active, true)))
      .get() !== undefined
  );
}

export function setNextReviewDate(db: Queryable, ptriId: number, nextReviewDate: string | null) {
  db.update(ptris).set({ nextReviewDate }).where(eq(ptris.id, ptriId)).run();
}
