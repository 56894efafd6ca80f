import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';

const { auditLog } = schema;

export interface AuditFilters {
  entity?: string;
  entityId?: number;
  personId?: number;
  userId?: number;
  from?: string;
  to?: string;
}

function conditions(filters: AuditFilters): (SQL | undefined)[] {
  return [
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.personId ? eq(auditLog.personId, filters.personId) : undefined,
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
    .where(and(...conditions(filters), beforeId ? lt(auditLog.id, beforeId) : undefined))
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
