// SQL of the outcomes: contacts after closure, and the per-project facts the outcomes report sums.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { GoalStatus, LivingSituation, WorkSituation } from '@bds/shared';

const { followUps } = schema;

export type FollowUpRow = typeof followUps.$inferSelect;

export function insertFollowUp(db: Queryable, values: typeof followUps.$inferInsert): FollowUpRow {
  return db.insert(followUps).values(values).returning().get();
}

export function followUpsOf(db: Queryable, ptriId: number): FollowUpRow[] {
  return db.select().from(followUps).where(eq(followUps.ptriId, ptriId)).orderBy(asc(followUps.date), asc(followUps.id)).all();
}

/** Which projects a report counts: the caller's scope and the report's filters, on `ptris` rows aliased `p`. */
export interface ProjectFilter {
  visible: SQL | undefined;
  serviceId: number | undefined;
  lot: number | undefined;
}

function projectCondition(filter: ProjectFilter): SQL {
  const parts = [sql`1`];
  if (filter.visible) parts.push(filter.visible);
  if (filter.serviceId) parts.push(sql`ptris.service_id = ${filter.serviceId}`);
  if (filter.lot) parts.push(sql`ptris.lot_id IN (SELECT id FROM lots WHERE number = ${filter.lot})`);
  return sql.join(parts, sql` AND `);
}

export interface EvaluatedProject {
  ptriId: number;
  serviceId: number;
  firstHonos: number | null;
  latestHonos: number | null;
  firstLiving: LivingSituation | null;
  latestLiving: LivingSituation | null;
  firstWork: WorkSituation | null;
  latestWork: WorkSituation | null;
  /** How many evaluations up to the year's end recorded each: a first and a latest need two. */
  honosEvaluations: number;
  livingEvaluations: number;
  workEvaluations: number;
  /** Days from submission and from the draft's creation to activation, for projects activated in the year. */
  daysSubmissionToActive: number | null;
  daysDraftToActive: number | null;
}

/**
 * Each project with an evaluation dated in the year (read on the evaluations' date index), with
 * the first and the latest value up to the year's end of each thing an evaluation may record
 * (HoNOS total, living and work situation), each taken from the evaluations that recorded it.
 */
export function evaluatedProjects(db: Queryable, from: string, to: string, filter: ProjectFilter): EvaluatedProject[] {
  const recorded = (name: string, order: 'ASC' | 'DESC') => {
    const column = sql.identifier(name);
    const direction = sql.raw(order);
    return sql`(SELECT e.${column} FROM evaluations e WHERE e.ptri_id = ptris.id AND e.date <= ${to} AND e.${column} IS NOT NULL
      ORDER BY e.date ${direction}, e.id ${direction} LIMIT 1)`;
  };
  const counted = (name: string) =>
    sql`(SELECT COUNT(*) FROM evaluations e WHERE e.ptri_id = ptris.id AND e.date <= ${to} AND e.${sql.identifier(name)} IS NOT NULL)`;
  return db.all<EvaluatedProject>(sql`
    SELECT ptris.id AS ptriId, ptris.service_id AS serviceId,
      ${recorded('honos_total', 'ASC')} AS firstHonos, ${recorded('honos_total', 'DESC')} AS latestHonos, ${counted('honos_total')} AS honosEvaluations,
      ${recorded('living', 'ASC')} AS firstLiving, ${recorded('living', 'DESC')} AS latestLiving, ${counted('living')} AS livingEvaluations,
      ${recorded('work', 'ASC')} AS firstWork, ${recorded('work', 'DESC')} AS latestWork, ${counted('work')} AS workEvaluations,
      CASE WHEN ptris.activated_on BETWEEN ${from} AND ${to} THEN
        CAST(julianday(ptris.activated_on) - julianday((SELECT t.effective_date FROM ptri_transitions t
          WHERE t.ptri_id = ptris.id AND t.to_status = 'submitted' AND t.effective_date <= ptris.activated_on ORDER BY t.id DESC LIMIT 1)) AS INTEGER)
      END AS daysSubmissionToActive,
      CASE WHEN ptris.activated_on BETWEEN ${from} AND ${to} THEN
        CAST(julianday(ptris.activated_on) - julianday(substr(ptris.created_at, 1, 10)) AS INTEGER)
      END AS daysDraftToActive
    FROM (SELECT DISTINCT ptri_id FROM evaluations WHERE date BETWEEN ${from} AND ${to}) AS evaluated
    JOIN ptris ON ptris.id = evaluated.ptri_id
    WHERE ${projectCondition(filter)}`);
}

export interface GoalCount {
  serviceId: number;
  axis: 'habitat' | 'sociality' | 'work';
  status: GoalStatus;
  n: number;
}

/** The goals of the projects evaluated in the year, by service, axis and status. */
export function goalsOfEvaluated(db: Queryable, from: string, to: string, filter: ProjectFilter): GoalCount[] {
  return db.all<GoalCount>(sql`
    SELECT ptris.service_id AS serviceId, g.axis AS axis, g.status AS status, COUNT(*) AS n
    FROM (SELECT DISTINCT ptri_id FROM evaluations WHERE date BETWEEN ${from} AND ${to}) AS evaluated
    JOIN ptris ON ptris.id = evaluated.ptri_id
    JOIN goals g ON g.ptri_id = ptris.id
    WHERE ${projectCondition(filter)}
    GROUP BY ptris.service_id, g.axis, g.status`);
}

/** Contacts after closure dated in the year, by service (read on the follow-ups' date index). */
export function followUpsByService(db: Queryable, from: string, to: string, filter: ProjectFilter): { serviceId: number; n: number }[] {
  return db.all<{ serviceId: number; n: number }>(sql`
    SELECT ptris.service_id AS serviceId, COUNT(*) AS n
    FROM follow_ups fu JOIN ptris ON ptris.id = fu.ptri_id
    WHERE fu.date BETWEEN ${from} AND ${to} AND ${projectCondition(filter)}
    GROUP BY ptris.service_id`);
}

export function serviceNames(db: Queryable, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM services WHERE id IN ${ids}`);
  return new Map(rows.map((row) => [row.id, row.name]));
}
