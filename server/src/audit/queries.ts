import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import { addDays, format, parseISO } from 'date-fns';

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
  const dayAfter = (date: string) => format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
  return [
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.personId ? eq(auditLog.personId, filters.personId) : undefined,
    filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.to ? lt(auditLog.at, dayAfter(filters.to)) : undefined,
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
