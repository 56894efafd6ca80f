// SQL of the outcomes: contacts after closure, and the counters the outcomes report reads.
import { asc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { AccessPolicy } from '../access/policy.ts';
import { idList, preparedSql } from '../prepared.ts';

const { followUps, outcomeCounts } = schema;
const p = sql.placeholder;

export type FollowUpRow = typeof followUps.$inferSelect;

export function insertFollowUp(db: Queryable, values: typeof followUps.$inferInsert): FollowUpRow {
  return db.insert(followUps).values(values).returning().get();
}

export function followUpsOf(db: Queryable, ptriId: number): FollowUpRow[] {
  return db.select().from(followUps).where(eq(followUps.ptriId, ptriId)).orderBy(asc(followUps.date), asc(followUps.id)).all();
}

/** Which counters a report reads: the caller's scope and the report's filters. */
export interface CounterFilter {
  policy: AccessPolicy;
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
  const { policy, serviceId, lot } = filter;
  // Refuses the roles that see no whole service, each request, before any cached statement.
  const visible = policy.services(c.serviceId);
  const key = `outcomeCountsOf:${policy.key}:${serviceId ? 'service' : 'all'}:${lot ? 'lot' : 'all'}`;
  return preparedSql<OutcomeCount>(db, key, () => {
    const parts = [sql`${c.year} = ${p('year')}`, sql`${c.n} <> 0`];
    if (visible) parts.push(visible);
    if (serviceId) parts.push(sql`${c.serviceId} = ${p('serviceId')}`);
    if (lot) parts.push(sql`${c.lotId} IN (SELECT id FROM lots WHERE number = ${p('lot')})`);
    return sql`
    SELECT ${c.serviceId} AS serviceId, ${c.figure} AS figure, ${c.value} AS value, ${c.keyA} AS keyA, ${c.keyB} AS keyB,
      SUM(${c.n}) AS n, MIN(${c.firstKey}) AS firstKey
    FROM ${c} WHERE ${sql.join(parts, sql` AND `)}
    GROUP BY ${c.serviceId}, ${c.figure}, ${c.value}, ${c.keyA}, ${c.keyB}`;
  }).all({ year, serviceId, lot });
}

/** The services' names, read with one prepared statement whatever the number of ids. */
export function serviceNames(db: Queryable, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = preparedSql<{ id: number; name: string }>(
    db,
    'serviceNames',
    () => sql`SELECT id, name FROM services WHERE id IN ${idList}`,
  ).all({ ids: JSON.stringify(ids) });
  return new Map(rows.map((row) => [row.id, row.name]));
}
