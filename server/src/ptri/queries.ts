import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { minDate, OPEN_STATUSES, ptriSummarySchema, receivedFields, type Axis, type PtriStatus } from '@bds/shared';
import { prepared } from '../prepared.ts';
import { receivedJsonObjectOf } from '../sql-json.ts';
import type { AccessPolicy, RowScope } from '../access/policy.ts';

const {
  ptris,
  persons,
  goals,
  budgetLines,
  ptriCooperatives,
  ptriRevisions,
  ptriTransitions,
  evaluations,
  users,
  interventions,
  personBenefits,
} = schema;

export type PtriRow = typeof ptris.$inferSelect;

/** A project within `scope`. */
export function ptriById(db: Queryable, id: number, scope: RowScope) {
  return prepared(db, `ptriById:${scope.key}`, (db) =>
    db
      .select()
      .from(ptris)
      .where(and(eq(ptris.id, sql.placeholder('id')), scope.ptris))
      .prepare(),
  ).get({ id });
}

/** The name a project shows for its person: "Family Given". */
const personNameSql = sql<string>`${persons.familyName} || ' ' || ${persons.givenName}`;

/**
 * What a project's page shows beside its own row, read in the same statement as JSON arrays of
 * row values, one per table: the person's name, the cooperatives, the goals and budget lines in
 * their order, the evaluations by date. One statement instead of one per table: on a server under
 * load each statement costs far more than the rows it reads (`detailOf` in service.ts reads them).
 */
function contentsColumns() {
  // ORDER BY inside the aggregate: the order of the array's elements is then SQLite's promise.
  const arrayOf = (values: SQL, from: SQL, orderBy: SQL) =>
    sql<string>`(SELECT json_group_array(json_array(${values}) ORDER BY ${orderBy}) FROM ${from})`;
  return {
    personName: sql<string | null>`(SELECT ${personNameSql} FROM ${persons} WHERE ${persons.id} = ${ptris.personId})`,
    cooperativeIds: sql<string>`(SELECT json_group_array(${ptriCooperatives.cooperativeId} ORDER BY ${ptriCooperatives.cooperativeId}) FROM ${ptriCooperatives} WHERE ${ptriCooperatives.ptriId} = ${ptris.id})`,
    goals: arrayOf(
      sql`${goals.id}, ${goals.axis}, ${goals.description}, ${goals.targetDate}, ${goals.status}`,
      sql`${goals} WHERE ${goals.ptriId} = ${ptris.id}`,
      sql`${goals.position}`,
    ),
    budgetLines: arrayOf(
      sql`${budgetLines.id}, ${budgetLines.axis}, ${budgetLines.source}, ${budgetLines.description}, ${budgetLines.minutes}, ${budgetLines.amountCents}, ${budgetLines.resourceId}, ${budgetLines.confirmation}, (SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${budgetLines.decidedBy}), ${budgetLines.decidedOn}, ${budgetLines.decisionNote}`,
      sql`${budgetLines} WHERE ${budgetLines.ptriId} = ${ptris.id}`,
      sql`${budgetLines.position}`,
    ),
    evaluations: arrayOf(
      sql`${evaluations.id}, ${evaluations.date}, ${evaluations.kind}, ${evaluations.outcome}, ${evaluations.nextReviewDate}`,
      sql`${evaluations} WHERE ${evaluations.ptriId} = ${ptris.id}`,
      sql`${evaluations.date}, ${evaluations.id}`,
    ),
    benefits: arrayOf(
      sql`${personBenefits.kind}, ${personBenefits.monthlyAmountCents}, ${personBenefits.from}, ${personBenefits.to}`,
      sql`${personBenefits} WHERE ${personBenefits.personId} = ${ptris.personId}`,
      sql`${personBenefits.position}`,
    ),
  };
}

export type PtriContents = {
  personName: string | null;
  cooperativeIds: string;
  goals: string;
  budgetLines: string;
  evaluations: string;
  benefits: string;
};

/** A project the scope allows, with its contents (`contentsColumns`), in one statement. */
export function ptriWithContents(db: Queryable, id: number, scope: RowScope): (PtriRow & PtriContents) | undefined {
  return prepared(db, `ptriWithContents:${scope.key}`, (db) =>
    db
      .select({ ...getTableColumns(ptris), ...contentsColumns() })
      .from(ptris)
      .where(and(eq(ptris.id, sql.placeholder('id')), scope.ptris))
      .prepare(),
  ).get({ id });
}

/** The contents of a project whose row the caller has already read (inside a write, say). */
export function contentsOf(db: Queryable, ptriId: number): PtriContents {
  const row = prepared(db, 'ptriContents', (db) =>
    db
      .select(contentsColumns())
      .from(ptris)
      .where(eq(ptris.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id: ptriId });
  if (!row) throw new Error(`project ${ptriId} not found`);
  return row;
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
  return prepared(db, 'goalsOf', (db) =>
    db
      .select()
      .from(goals)
      .where(eq(goals.ptriId, sql.placeholder('ptriId')))
      .orderBy(asc(goals.position))
      .prepare(),
  ).all({ ptriId });
}

export function budgetLinesOf(db: Queryable, ptriId: number) {
  return prepared(db, 'budgetLinesOf', (db) =>
    db
      .select()
      .from(budgetLines)
      .where(eq(budgetLines.ptriId, sql.placeholder('ptriId')))
      .orderBy(asc(budgetLines.position))
      .prepare(),
  ).all({ ptriId });
}

export function cooperativesOf(db: Queryable, ptriId: number): number[] {
  return prepared(db, 'cooperativesOf', (db) =>
    db
      .select({ id: ptriCooperatives.cooperativeId })
      .from(ptriCooperatives)
      .where(eq(ptriCooperatives.ptriId, sql.placeholder('ptriId')))
      .prepare(),
  )
    .all({ ptriId })
    .map((row) => row.id);
}

type GoalValues = Omit<typeof goals.$inferInsert, 'id' | 'ptriId' | 'position'> & { id?: number | undefined };
type LineValues = Omit<typeof budgetLines.$inferInsert, 'id' | 'ptriId' | 'position'> & { id?: number | undefined };

const keptIds = (rows: { id?: number | undefined }[]) => rows.flatMap((row) => (row.id === undefined ? [] : [row.id]));

/**
 * Makes `rows`, in their order, the project's goals: a row with an id updates that goal in place
 * (its id is its identity across revisions), one without is added, goals not named are removed.
 * The ids must be the project's (checked by the caller: content.ts, `checkKeptIds`).
 */
export function saveGoals(db: Queryable, ptriId: number, rows: GoalValues[]) {
  const kept = keptIds(rows);
  db.delete(goals)
    .where(and(eq(goals.ptriId, ptriId), kept.length ? notInArray(goals.id, kept) : undefined))
    .run();
  rows.forEach(({ id, ...values }, position) => {
    if (id === undefined)
      db.insert(goals)
        .values({ ...values, ptriId, position })
        .run();
    else
      db.update(goals)
        .set({ ...values, position })
        .where(and(eq(goals.id, id), eq(goals.ptriId, ptriId)))
        .run();
  });
}

/** As `saveGoals`, for the budget lines. */
export function saveBudgetLines(db: Queryable, ptriId: number, rows: LineValues[]) {
  const kept = keptIds(rows);
  db.delete(budgetLines)
    .where(and(eq(budgetLines.ptriId, ptriId), kept.length ? notInArray(budgetLines.id, kept) : undefined))
    .run();
  rows.forEach(({ id, ...values }, position) => {
    if (id === undefined)
      db.insert(budgetLines)
        .values({ ...values, ptriId, position })
        .run();
    else
      db.update(budgetLines)
        .set({ ...values, position })
        .where(and(eq(budgetLines.id, id), eq(budgetLines.ptriId, ptriId)))
        .run();
  });
}

/** The content revision, moved only when the content changed (see snapshot.ts, `contentChanged`). */
export function setRevision(db: Queryable, ptriId: number, revision: number) {
  db.update(ptris).set({ revision }).where(eq(ptris.id, ptriId)).run();
}

/** The person (or guardian) signed this revision. */
export function setPersonSignedRevision(db: Queryable, ptriId: number, revision: number) {
  db.update(ptris).set({ personSignedRevision: revision }).where(eq(ptris.id, ptriId)).run();
}

export function replaceCooperatives(db: Queryable, ptriId: number, cooperativeIds: number[]) {
  db.delete(ptriCooperatives).where(eq(ptriCooperatives.ptriId, ptriId)).run();
  if (cooperativeIds.length)
    db.insert(ptriCooperatives)
      .values(cooperativeIds.map((cooperativeId) => ({ ptriId, cooperativeId })))
      .run();
}

export function insertRevision(db: Queryable, values: typeof ptriRevisions.$inferInsert) {
  db.insert(ptriRevisions).values(values).run();
}

export function insertTransition(db: Queryable, values: typeof ptriTransitions.$inferInsert) {
  db.insert(ptriTransitions).values(values).run();
}

export function evaluationsOf(db: Queryable, ptriId: number) {
  return prepared(db, 'evaluationsOf', (db) =>
    db
      .select()
      .from(evaluations)
      .where(eq(evaluations.ptriId, sql.placeholder('ptriId')))
      .orderBy(asc(evaluations.date), asc(evaluations.id))
      .prepare(),
  ).all({ ptriId });
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
  /** Only projects expired on this day. */
  expiredOn?: string;
  /** The complement: projects whose review is not overdue on that day (reviewOverdue=false). */
  reviewNotOverdueOn?: string;
  namePrefix?: string;
  /** Also match the codice fiscale: only for roles that may search by it. */
  fiscalCodePrefix?: string;
  /** In care without the person's signature on the current revision. */
  signaturePending?: boolean;
}

/**
 * One page of projects, newest first: each row's id and its summary as JSON, written by SQLite
 * with the fields the policy's role receives. The query is prepared once per policy and set of
 * filters given; the filter values are its parameters.
 */
export function listPtris(
  db: Queryable,
  filters: PtriFilters,
  policy: AccessPolicy,
  beforeId: number | null,
  limit: number,
  today: string,
) {
  const shape = `listPtris:${policy.key}:${filterShape(filters)}:${beforeId ? 'after' : 'first'}`;
  const query = prepared(db, shape, (db) => buildPtriList(db, filters, policy, beforeId !== null));
  return query.all({ ...filterValues(filters, today), beforeId: beforeId ?? undefined, limit: limit + 1 });
}

/**
 * How many projects the list's filters match, counting no further than `cap` + 1: a count of
 * the whole department would read every project, so past the cap the page says "oltre".
 */
export function countPtris(db: Queryable, filters: PtriFilters, scope: RowScope, cap: number, today: string): number {
  const query = prepared(db, `countPtris:${scope.key}:${filterShape(filters)}`, (db) => {
    const matches = db
      .select({ one: sql`1` })
      .from(ptris)
      .innerJoin(persons, eq(persons.id, ptris.personId))
      .where(and(...listConditions(filters, scope.ptris, false)))
      .limit(sql.placeholder('cap'))
      .as('matches');
    return db
      .select({ n: sql<number>`count(*)` })
      .from(matches)
      .prepare();
  });
  return query.all({ ...filterValues(filters, today), cap: cap + 1 })[0]?.n ?? 0;
}

function filterShape(filters: PtriFilters): string {
  return (Object.keys(filters) as (keyof PtriFilters)[])
    .filter((key) => Boolean(filters[key]))
    .sort()
    .join(',');
}

function filterValues(filters: PtriFilters, today: string) {
  const year = filters.activeIn;
  return {
    serviceId: filters.serviceId,
    personId: filters.personId,
    status: filters.status,
    lotId: filters.lotId,
    intensity: filters.intensity,
    axis: filters.openGoalAxis,
    yearStart: year ? `${year}-01-01` : undefined,
    // A year that has not begun has no project in care: its last day counted is before its first.
    yearEnd: year ? minDate(`${year}-12-31`, today) : undefined,
    reviewOverdueOn: filters.reviewOverdueOn ?? filters.reviewNotOverdueOn,
    expiredOn: filters.expiredOn,
    today,
    nameFrom: filters.namePrefix,
    nameTo: filters.namePrefix === undefined ? undefined : `${filters.namePrefix}\uffff`,
    fiscalCodeFrom: filters.fiscalCodePrefix,
    fiscalCodeTo: filters.fiscalCodePrefix === undefined ? undefined : `${filters.fiscalCodePrefix}\uffff`,
  };
}

function listConditions(filters: PtriFilters, visible: SQL | undefined, paged: boolean) {
  const p = sql.placeholder;
  const prefixOf = (column: AnySQLiteColumn, from: string, to: string) => and(gte(column, p(from)), lt(column, p(to)));
  const reviewOverdue = and(inArray(ptris.status, ['active', 'suspended']), lt(ptris.nextReviewDate, p('reviewOverdueOn')));
  return [
    visible,
    filters.serviceId ? eq(ptris.serviceId, p('serviceId')) : undefined,
    filters.personId ? eq(ptris.personId, p('personId')) : undefined,
    filters.status ? eq(ptris.status, p('status')) : undefined,
    filters.lotId ? eq(ptris.lotId, p('lotId')) : undefined,
    filters.intensity ? eq(ptris.intensity, p('intensity')) : undefined,
    // In care on a day of the year up to today (figures/definitions.ts, inCareDuring).
    filters.activeIn
      ? and(
          sql`${p('yearStart')} <= ${p('yearEnd')}`,
          lte(ptris.activatedOn, p('yearEnd')),
          or(isNull(ptris.endedOn), gte(ptris.endedOn, p('yearStart'))),
        )
      : undefined,
    filters.openGoalAxis
      ? sql`EXISTS (SELECT 1 FROM ${goals} WHERE ${goals.ptriId} = ${ptris.id} AND ${goals.axis} = ${p('axis')} AND ${goals.status} = 'open')`
      : undefined,
    filters.reviewOverdueOn ? reviewOverdue : undefined,
    filters.reviewNotOverdueOn ? sql`NOT COALESCE(${reviewOverdue}, 0)` : undefined,
    filters.expiredOn ? and(inArray(ptris.status, [...OPEN_STATUSES]), lt(ptris.endDate, p('expiredOn'))) : undefined,
    filters.namePrefix
      ? or(
          prefixOf(persons.searchKey, 'nameFrom', 'nameTo'),
          prefixOf(persons.searchKeyAlt, 'nameFrom', 'nameTo'),
          filters.fiscalCodePrefix ? prefixOf(persons.fiscalCode, 'fiscalCodeFrom', 'fiscalCodeTo') : undefined,
        )
      : undefined,
    // Written as the partial index ptris_signature_pending_idx is, so that SQLite reads only it.
    filters.signaturePending
      ? sql`${ptris.status} IN ('active', 'suspended') AND ${ptris.personSignedRevision} IS NOT ${ptris.revision}`
      : undefined,
    paged ? lt(ptris.id, p('beforeId')) : undefined,
  ];
}

function buildPtriList(db: Queryable, filters: PtriFilters, policy: AccessPolicy, paged: boolean) {
  const p = sql.placeholder;
  const conditions = listConditions(filters, policy.ptris, paged);
  // Exactly the keys of a project summary the role receives: a page reads no more than it shows.
  return db
    .select({
      id: ptris.id,
      personId: ptris.personId,
      json: receivedJsonObjectOf(ptriSummarySchema, receivedFields(policy.role, 'project'), {
        id: ptris.id,
        personId: ptris.personId,
        personName: personNameSql,
        serviceId: ptris.serviceId,
        lotId: ptris.lotId,
        caseManagerId: ptris.caseManagerId,
        status: ptris.status,
        intensity: ptris.intensity,
        startDate: ptris.startDate,
        endDate: ptris.endDate,
        nextReviewDate: ptris.nextReviewDate,
        expired: sql`${inArray(ptris.status, [...OPEN_STATUSES])} AND ${ptris.endDate} < ${p('today')}`,
        version: ptris.version,
        updatedAt: ptris.updatedAt,
      }),
    })
    .from(ptris)
    .innerJoin(persons, eq(persons.id, ptris.personId))
    .where(and(...conditions))
    .orderBy(desc(ptris.id))
    .limit(p('limit'))
    .prepare();
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

/**
 * Another project of the person in the same lot (by lot number, whatever the tender) in care on
 * some day of `from`–`to`: active or suspended, its care running from activation to closure or
 * planned end.
 */
export function overlappingCareInLot(db: Queryable, ptri: PtriRow, from: string, to: string) {
  const { lots } = schema;
  const sameLotNumber = sql`(SELECT ${lots.number} FROM ${lots} WHERE ${lots.id} = ${ptris.lotId}) = (SELECT ${lots.number} FROM ${lots} WHERE ${lots.id} = ${ptri.lotId})`;
  return db
    .select({ id: ptris.id, activatedOn: ptris.activatedOn, endsOn: sql<string>`COALESCE(${ptris.endedOn}, ${ptris.endDate})` })
    .from(ptris)
    .where(
      and(
        eq(ptris.personId, ptri.personId),
        sql`${ptris.id} <> ${ptri.id}`,
        inArray(ptris.status, ['active', 'suspended']),
        lte(ptris.activatedOn, to),
        gte(sql`COALESCE(${ptris.endedOn}, ${ptris.endDate})`, from),
        sameLotNumber,
      ),
    )
    .limit(1)
    .get();
}
