import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { Axis, MonthStatus } from '@bds/shared';
import { suspensionsFrom, type ProjectPeriod } from './rules.ts';

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

const CHUNK = 500;

/** Projects by id (already filtered by the caller's scope condition), with rate and suspensions. */
export function projectsForWork(db: Queryable, ids: number[], visible: SQL | undefined): Map<number, ProjectForWork> {
  const result = new Map<number, ProjectForWork>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = db
      .select({ ptri: ptris, hourlyRateCents: lots.hourlyRateCents })
      .from(ptris)
      .innerJoin(lots, eq(lots.id, ptris.lotId))
      .where(and(inArray(ptris.id, chunk), visible))
      .all();
    const transitions = db
      .select()
      .from(ptriTransitions)
      .where(inArray(ptriTransitions.ptriId, chunk))
      .orderBy(asc(ptriTransitions.id))
      .all();
    for (const { ptri, hourlyRateCents } of rows) {
      result.set(ptri.id, {
        id: ptri.id,
        personId: ptri.personId,
        lotId: ptri.lotId,
        serviceId: ptri.serviceId,
        status: ptri.status,
        activatedOn: ptri.activatedOn,
        endedOn: ptri.endedOn,
        endDate: ptri.endDate,
        hourlyRateCents,
        suspensions: suspensionsFrom(transitions.filter((t) => t.ptriId === ptri.id)),
      });
    }
  }
  return result;
}

/** The active activities, by axis and lower-case label. */
export function activityIndex(db: Queryable): Map<string, { id: number; label: string }> {
  const rows = db.select().from(activities).where(eq(activities.active, true)).all();
  return new Map(rows.map((row) => [activityKey(row.axis, row.label), { id: row.id, label: row.label }]));
}

export const activityKey = (axis: Axis, label: string) => `${axis}|${label.trim().toLocaleLowerCase('it')}`;

export function activityLabels(db: Queryable, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  return new Map(db.select().from(activities).where(inArray(activities.id, ids)).all().map((row) => [row.id, row.label]));
}

/** The month's status and its parts' statuses, for one cooperative. */
export function monthState(db: Queryable, cooperativeId: number, month: string) {
  const report = db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.cooperativeId, cooperativeId), eq(monthlyReports.month, month)))
    .get();
  const parts = db
    .select()
    .from(monthlyReportParts)
    .where(and(eq(monthlyReportParts.cooperativeId, cooperativeId), eq(monthlyReportParts.month, month)))
    .all();
  return {
    report,
    monthStatus: report?.status as MonthStatus | undefined,
    parts: new Map(parts.map((part) => [part.serviceId, part])),
  };
}
export type MonthState = ReturnType<typeof monthState>;

export function interventionById(db: Queryable, id: number, visible: SQL | undefined) {
  return db.select().from(interventions).where(and(eq(interventions.id, id), visible)).get();
}

export function insertIntervention(db: Queryable, values: typeof interventions.$inferInsert) {
  return db.insert(interventions).values(values).returning().get();
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
export function listInterventions(db: Queryable, filters: InterventionFilters, visible: SQL | undefined, after: [string, number] | null, limit: number) {
  const conditions = [
    visible,
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

export function uploadByHash(db: Queryable, cooperativeId: number, month: string, sha256: string) {
  return db
    .select()
    .from(schema.interventionUploads)
    .where(and(eq(schema.interventionUploads.cooperativeId, cooperativeId), eq(schema.interventionUploads.month, month), eq(schema.interventionUploads.sha256, sha256)))
    .get();
}

export function insertUpload(db: Queryable, values: typeof schema.interventionUploads.$inferInsert) {
  return db.insert(schema.interventionUploads).values(values).returning().get();
}

