// SQL of the outcomes: contacts after closure, and the counters the outcomes report reads.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { followUps, outcomeCounts } = schema;

export type FollowUpRow = typeof followUps.$inferSelect;

export function insertFollowUp(db: Queryable, values: typeof followUps.$inferInsert): FollowUpRow {
  return db.insert(followUps).values(values).returning().get();
}

export function followUpsOf(db: Queryable, ptriId: number): FollowUpRow[] {
  return db.select().from(followUps).where(eq(followUps.ptriId, ptriId)).orderBy(asc(followUps.date), asc(followUps.id)).all();
}

/** Which counters a report reads: the caller's scope and the report's filters. */
export interface CounterFilter {
  /** The policy's condition on the service column, undefined for every service. */
  visible: SQL | undefined;
  serviceId: number | undefined;
  lot: number | undefined;
}

export interface OutcomeCount {
  serviceId: number;
  figure: 'evaluated' | 'honos' | 'living' | 'work' | 'submission_days' | 'draft_days' | 'goal' | 'follow_up';
  value: number;
  keyA: string;
  keyB: string;
  n: number;
  firstKey: string | null;
}

/**
 * The counters of a year (migration 0150), the lots added up: a few rows per service and figure
 * whatever the number of projects, read on the counters' primary key.
 */
export function outcomeCountsOf(db: Queryable, year: number, filter: CounterFilter): OutcomeCount[] {
  const c = outcomeCounts;
  const parts = [sql`${c.year} = ${year}`, sql`${c.n} <> 0`];
  if (filter.visible) parts.push(filter.visible);
  if (filter.serviceId) parts.push(sql`${c.serviceId} = ${filter.serviceId}`);
  if (filter.lot) parts.push(sql`${c.lotId} IN (SELECT id FROM lots WHERE number = ${filter.lot})`);
  return db.all<OutcomeCount>(sql`
    SELECT ${c.serviceId} AS serviceId, ${c.figure} AS figure, ${c.value} AS value, ${c.keyA} AS keyA, ${c.keyB} AS keyB,
      SUM(${c.n}) AS n, MIN(${c.firstKey}) AS firstKey
    FROM ${c} WHERE ${sql.join(parts, sql` AND `)}
    GROUP BY ${c.serviceId}, ${c.figure}, ${c.value}, ${c.keyA}, ${c.keyB}`);
}

export function serviceNames(db: Queryable, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ id: number; name: string }>(sql`SELECT id, name FROM services WHERE id IN ${ids}`);
  return new Map(rows.map((row) => [row.id, row.name]));
}
