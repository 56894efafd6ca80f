import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import { readsShowing } from './person-index.ts';

const { auditLog } = schema;

/**
 * The access-log rows that concern a person: those about them alone (`person_id`) and those of
 * the searches, lists, reports and exports that showed them among others (person-index.ts), each
 * found through its index, from below `beforeId` on both.
 */
export function concernsPerson(personId: number, beforeId: number | null = null): SQL {
  return or(eq(auditLog.personId, personId), inArray(auditLog.id, sql`(${readsShowing(personId, beforeId)})`))!;
}

/** Every access-log row that concerns the person, oldest first (their art. 15 record). */
export function accessLogOfPerson(db: Queryable, personId: number) {
  return db.select().from(auditLog).where(concernsPerson(personId)).orderBy(asc(auditLog.id)).all();
}

export interface AuditFilters {
  entity?: string;
  entityId?: number;
  personId?: number;
  userId?: number;
  from?: string;
  to?: string;
}

function conditions(filters: AuditFilters, beforeId: number | null = null): (SQL | undefined)[] {
  return [
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.personId ? concernsPerson(filters.personId, beforeId) : undefined,
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    // Every timestamp of the day `to` sorts below 'T24' (also on 9999-12-31, whose next day is no date).
    filters.to ? lt(auditLog.at, `${filters.to}T24`) : undefined,
  ];
}

/** Newest first, from the row before `beforeId`. */
export function searchAudit(db: Queryable, filters: AuditFilters, beforeId: number | null, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions(filters, beforeId), beforeId ? lt(auditLog.id, beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
}

/**
 * How many rows match, counting no further than `atMost + 1`, and the newest matching row's id:
 * an export reads the rows below it, so rows logged while it is written are not in it.
 */
export function countAudit(db: Queryable, filters: AuditFilters, atMost: number): { rows: number; newestId: number | null } {
  const matching = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(...conditions(filters)))
    .orderBy(desc(auditLog.id))
    .limit(atMost + 1)
    .as('matching');
  const row = db
    .select({ rows: sql<number>`count(*)`, newestId: sql<number | null>`max(${matching.id})` })
    .from(matching)
    .get();
  return { rows: row?.rows ?? 0, newestId: row?.newestId ?? null };
}
