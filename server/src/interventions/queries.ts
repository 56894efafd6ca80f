import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { Axis, MonthStatus } from '@bds/shared';
import { idList, prepared } from '../prepared.ts';
import type { RowScope } from '../access/policy.ts';
import { STATUSES_TAKING_INTERVENTIONS, suspensionsFrom, type ProjectPeriod } from './rules.ts';

const { interventions, activities, ptris, lots, ptriTransitions, monthlyReports, monthlyReportParts } = schema;

export type InterventionRow = typeof interventions.$inferSelect;

/** A project as the intervention rules see it, with its lot's hourly rate. */
export interface ProjectForWork extends ProjectPeriod {
  id: number;
  personId: number;
  lotId: number;
  serviceId: number;
  hourlyRateCents: number | null;
}

/** The persons whose projects these are (for the access log of a list that shows their work). */
export function personsOfProjects(db: Queryable, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return prepared(db, 'personsOfProjects', (db) =>
    db
      .selectDistinct({ personId: ptris.personId })
      .from(ptris)
      .where(sql`${ptris.id} IN ${idList}`)
      .prepare(),
  )
    .all({ ids: JSON.stringify(ids) })
    .map((row) => row.personId);
}

/** Projects by id within `scope`, with rate, tender start and suspensions. */
export function projectsForWork(db: Queryable, ids: number[], scope: RowScope): Map<number, ProjectForWork> {
  const result = new Map<number, ProjectForWork>();
  if (ids.length === 0) return result;
  const params = { ids: JSON.stringify(ids) };
  const rows = prepared(db, `projectsForWork:${scope.key}`, (db) =>
    db
      .select({ ptri: ptris, hourlyRateCents: lots.hourlyRateCents, tenderStart: lots.tenderStart })
      .from(ptris)
      .innerJoin(lots, eq(lots.id, ptris.lotId))
      .where(and(sql`${ptris.id} IN ${idList}`, scope.ptris))
      .prepare(),
  ).all(params);
  const transitions = prepared(db, 'transitionsForWork', (db) =>
    db
      .select()
      .from(ptriTransitions)
      .where(sql`${ptriTransitions.ptriId} IN ${idList}`)
      .orderBy(asc(ptriTransitions.id))
      .prepare(),
  ).all(params);
  const transitionsOf = new Map<number, typeof transitions>();
  for (const t of transitions) {
    const list = transitionsOf.get(t.ptriId);
    if (list) list.push(t);
    else transitionsOf.set(t.ptriId, [t]);
  }
  for (const { ptri, hourlyRateCents, tenderStart } of rows) {
    result.set(ptri.id, {
      id: ptri.id,
      personId: ptri.personId,
      lotId: ptri.lotId,
      serviceId: ptri.serviceId,
      status: ptri.status,
      activatedOn: ptri.activatedOn,
      endedOn: ptri.endedOn,
      endDate: ptri.endDate,
      tenderStart,
      hourlyRateCents,
      suspensions: suspensionsFrom(transitionsOf.get(ptri.id) ?? []),
    });
  }
  return result;
}

/**
 * The active activities, by axis and lower-case label: of one axis (read through the unique
 * axis-label index) when an entry names it, of every axis for a file of entries.
 */
export function activityIndex(db: Queryable, axis?: Axis): Map<string, { id: number; label: string }> {
  const rows = axis
    ? prepared(db, 'activeActivitiesOfAxis', (db) =>
        db
          .select()
          .from(activities)
          .where(and(eq(activities.axis, sql.placeholder('axis')), eq(activities.active, true)))
          .prepare(),
      ).all({ axis })
    : prepared(db, 'activeActivities', (db) => db.select().from(activities).where(eq(activities.active, true)).prepare()).all();
  return new Map(rows.map((row) => [activityKey(row.axis, row.label), { id: row.id, label: row.label }]));
}

export const activityKey = (axis: Axis, label: string) => `${axis}|${label.trim().toLocaleLowerCase('it')}`;

export function activityLabels(db: Queryable, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select()
      .from(activities)
      .where(inArray(activities.id, ids))
      .all()
      .map((row) => [row.id, row.label]),
  );
}

/** The month's status and its parts' statuses, for one cooperative. */
export function monthState(db: Queryable, cooperativeId: number, month: string) {
  const key = { cooperativeId, month };
  const report = prepared(db, 'monthlyReport', (db) =>
    db
      .select()
      .from(monthlyReports)
      .where(and(eq(monthlyReports.cooperativeId, sql.placeholder('cooperativeId')), eq(monthlyReports.month, sql.placeholder('month'))))
      .prepare(),
  ).get(key);
  const parts = prepared(db, 'monthlyReportParts', (db) =>
    db
      .select()
      .from(monthlyReportParts)
      .where(
        and(eq(monthlyReportParts.cooperativeId, sql.placeholder('cooperativeId')), eq(monthlyReportParts.month, sql.placeholder('month'))),
      )
      .prepare(),
  ).all(key);
  return {
    report,
    monthStatus: report?.status as MonthStatus | undefined,
    parts: new Map(parts.map((part) => [part.serviceId, part])),
  };
}
export type MonthState = ReturnType<typeof monthState>;

export function interventionById(db: Queryable, id: number, scope: RowScope) {
  return db
    .select()
    .from(interventions)
    .where(and(eq(interventions.id, id), scope.interventions))
    .get();
}

/** One intervention recorded by hand (an upload inserts its rows in bulk instead). */
export function insertIntervention(
  db: Queryable,
  values: Omit<typeof interventions.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'uploadId'>,
) {
  const p = sql.placeholder;
  return prepared(db, 'insertIntervention', (db) =>
    db
      .insert(interventions)
      .values({
        ptriId: p('ptriId'),
        cooperativeId: p('cooperativeId'),
        lotId: p('lotId'),
        serviceId: p('serviceId'),
        date: p('date'),
        month: p('month'),
        axis: p('axis'),
        activityId: p('activityId'),
        minutes: p('minutes'),
        amountCents: p('amountCents'),
        operatorRole: p('operatorRole'),
        notes: p('notes'),
        createdBy: p('createdBy'),
      })
      .returning()
      .prepare(),
  ).get({ ...values, notes: values.notes ?? null, createdBy: values.createdBy ?? null, ptriId: values.ptriId ?? null });
}

export function updateIntervention(db: Queryable, id: number, values: Partial<typeof interventions.$inferInsert>) {
  return db.update(interventions).set(values).where(eq(interventions.id, id)).returning().get();
}

export function deleteIntervention(db: Queryable, id: number) {
  db.delete(interventions).where(eq(interventions.id, id)).run();
}

export interface InterventionFilters {
  ptriId?: number;
  cooperativeId?: number;
  month?: string;
}

/** A page of interventions in (date, id) order, after the keyset cursor. */
export function listInterventions(
  db: Queryable,
  filters: InterventionFilters,
  scope: RowScope,
  after: [string, number] | null,
  limit: number,
) {
  const conditions = [
    scope.interventions,
    filters.ptriId ? eq(interventions.ptriId, filters.ptriId) : undefined,
    filters.cooperativeId ? eq(interventions.cooperativeId, filters.cooperativeId) : undefined,
    filters.month ? eq(interventions.month, filters.month) : undefined,
    after ? or(gt(interventions.date, after[0]), and(eq(interventions.date, after[0]), gt(interventions.id, after[1]))) : undefined,
  ];
  return db
    .select()
    .from(interventions)
    .where(and(...conditions))
    .orderBy(asc(interventions.date), asc(interventions.id))
    .limit(limit + 1)
    .all();
}

/** The latest upload of these rows whose interventions are still stored, at least one of them. */
export function storedUploadByHash(db: Queryable, cooperativeId: number, month: string, sha256: string) {
  const uploads = schema.interventionUploads;
  return db
    .select()
    .from(uploads)
    .where(
      and(
        eq(uploads.cooperativeId, cooperativeId),
        eq(uploads.month, month),
        eq(uploads.sha256, sha256),
        sql`EXISTS (SELECT 1 FROM ${interventions} WHERE ${interventions.cooperativeId} = ${uploads.cooperativeId} AND ${interventions.month} = ${uploads.month} AND ${interventions.uploadId} = ${uploads.id})`,
      ),
    )
    .orderBy(desc(uploads.id))
    .limit(1)
    .get();
}

export function insertUpload(db: Queryable, values: typeof schema.interventionUploads.$inferInsert) {
  return db.insert(schema.interventionUploads).values(values).returning().get();
}

/** A person's minutes of interventions per day of one month, over all their projects; `exceptId` leaves out one being changed. */
export function personMinutesByDay(db: Queryable, personId: number, month: string, exceptId: number): Map<string, number> {
  const rows = prepared(db, 'personMinutesByDay', (db) =>
    db
      .select({ date: interventions.date, minutes: sql<number>`SUM(${interventions.minutes})` })
      .from(interventions)
      .innerJoin(ptris, eq(ptris.id, interventions.ptriId))
      .where(
        and(
          eq(ptris.personId, sql.placeholder('personId')),
          sql`${interventions.date} BETWEEN ${sql.placeholder('from')} AND ${sql.placeholder('to')}`,
          sql`${interventions.id} <> ${sql.placeholder('exceptId')}`,
        ),
      )
      .groupBy(interventions.date)
      .prepare(),
  ).all({ personId, from: `${month}-01`, to: `${month}-31`, exceptId });
  return new Map(rows.map((row) => [row.date, row.minutes]));
}

/** The projects within the scope that take interventions on some day of the month, by person's name. */
export function projectsOfMonth(db: Queryable, month: string, scope: RowScope) {
  return db
    .select({
      id: ptris.id,
      personId: ptris.personId,
      personName: sql<string>`${schema.persons.familyName} || ' ' || ${schema.persons.givenName}`,
    })
    .from(ptris)
    .innerJoin(schema.persons, eq(schema.persons.id, ptris.personId))
    .where(
      and(
        scope.ptris,
        inArray(ptris.status, [...STATUSES_TAKING_INTERVENTIONS]),
        sql`${ptris.activatedOn} <= ${`${month}-31`}`,
        sql`COALESCE(${ptris.endedOn}, ${ptris.endDate}) >= ${`${month}-01`}`,
      ),
    )
    .orderBy(schema.persons.familyName, schema.persons.givenName, ptris.id)
    .all();
}
