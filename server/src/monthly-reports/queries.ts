import { and, asc, between, eq, gt, gte, inArray, or, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { MonthStatus, ReviewablePartStatus } from '@bds/shared';

// Months of a year as a range on 'YYYY-MM' text, so the (cooperative, month) keys are used.
// `service_id` of the parts and totals is a part key (parts.ts): services are left-joined, a
// department-wide part has none.

const { monthlyReports, monthlyReportParts, lotMonthTotals, services, cooperatives } = schema;

export function cooperativeExists(db: Queryable, id: number): boolean {
  return db.select({ id: cooperatives.id }).from(cooperatives).where(eq(cooperatives.id, id)).get() !== undefined;
}

/** The parts (services and department-wide) with work of the cooperative in the month, from the summary table. */
export function partsWithWork(db: Queryable, cooperativeId: number, month: string): number[] {
  return db
    .selectDistinct({ serviceId: lotMonthTotals.serviceId })
    .from(lotMonthTotals)
    .where(and(eq(lotMonthTotals.cooperativeId, cooperativeId), eq(lotMonthTotals.month, month)))
    .all()
    .map((row) => row.serviceId);
}

export function upsertPart(db: Queryable, values: typeof monthlyReportParts.$inferInsert) {
  db.insert(monthlyReportParts)
    .values(values)
    .onConflictDoUpdate({
      target: [monthlyReportParts.cooperativeId, monthlyReportParts.month, monthlyReportParts.serviceId],
      set: {
        status: values.status,
        reviewedAt: values.reviewedAt ?? null,
        reviewedBy: values.reviewedBy ?? null,
        note: values.note ?? null,
      },
    })
    .run();
}

export function upsertReport(db: Queryable, values: typeof monthlyReports.$inferInsert) {
  const { cooperativeId: _c, month: _m, ...set } = values;
  db.insert(monthlyReports)
    .values(values)
    .onConflictDoUpdate({ target: [monthlyReports.cooperativeId, monthlyReports.month], set })
    .run();
}

export function reportsOfYear(db: Queryable, cooperativeId: number, year: number) {
  return db
    .select()
    .from(monthlyReports)
    .where(and(eq(monthlyReports.cooperativeId, cooperativeId), between(monthlyReports.month, `${year}-01`, `${year}-12`)))
    .all();
}

export function partsOfYear(db: Queryable, cooperativeId: number, year: number) {
  return db
    .select({ part: monthlyReportParts, serviceName: services.name })
    .from(monthlyReportParts)
    .leftJoin(services, eq(services.id, monthlyReportParts.serviceId))
    .where(and(eq(monthlyReportParts.cooperativeId, cooperativeId), between(monthlyReportParts.month, `${year}-01`, `${year}-12`)))
    .orderBy(asc(services.name))
    .all();
}

/** Totals of the cooperative per month and service for a year, from the summary table. */
export function totalsOfYear(db: Queryable, cooperativeId: number, year: number) {
  return db
    .select({
      month: lotMonthTotals.month,
      serviceId: lotMonthTotals.serviceId,
      serviceName: services.name,
      status: sql<MonthStatus>`${lotMonthTotals.status}`,
      minutes: sql<number>`SUM(${lotMonthTotals.minutes})`,
      amountCents: sql<number>`SUM(${lotMonthTotals.amountCents})`,
      interventions: sql<number>`SUM(${lotMonthTotals.interventions})`,
    })
    .from(lotMonthTotals)
    .leftJoin(services, eq(services.id, lotMonthTotals.serviceId))
    .where(and(eq(lotMonthTotals.cooperativeId, cooperativeId), between(lotMonthTotals.month, `${year}-01`, `${year}-12`)))
    .groupBy(lotMonthTotals.month, lotMonthTotals.serviceId, lotMonthTotals.status)
    .all();
}

export interface PartsScope {
  serviceId?: number;
  cooperativeId?: number;
}

export interface PartsFilters {
  statuses: readonly ReviewablePartStatus[];
  year?: number;
  /** Only these part keys (the department-wide ones). */
  partKeys?: readonly number[];
}

/**
 * Submitted or reviewed parts across cooperatives, by month then cooperative and service. A case
 * manager's scope fixes the service, so the search runs on (service_id, status, month).
 */
export function reportParts(
  db: Queryable,
  scope: PartsScope,
  filters: PartsFilters,
  after: [string, number, number] | null,
  limit: number,
) {
  const p = monthlyReportParts;
  const conditions = [
    scope.serviceId === undefined ? undefined : eq(p.serviceId, scope.serviceId),
    scope.cooperativeId === undefined ? undefined : eq(p.cooperativeId, scope.cooperativeId),
    filters.partKeys === undefined ? undefined : inArray(p.serviceId, [...filters.partKeys]),
    inArray(p.status, [...filters.statuses]),
    filters.year === undefined ? undefined : between(p.month, `${filters.year}-01`, `${filters.year}-12`),
    after
      ? and(gte(p.month, after[0]), or(gt(p.month, after[0]), sql`(${p.cooperativeId}, ${p.serviceId}) > (${after[1]}, ${after[2]})`))
      : undefined,
  ];
  return db
    .select({
      cooperativeId: p.cooperativeId,
      cooperativeName: cooperatives.name,
      month: p.month,
      serviceId: p.serviceId,
      serviceName: services.name,
      status: sql<ReviewablePartStatus>`${p.status}`,
      note: p.note,
      reviewedAt: p.reviewedAt,
      submittedAt: monthlyReports.submittedAt,
    })
    .from(p)
    .innerJoin(cooperatives, eq(cooperatives.id, p.cooperativeId))
    .leftJoin(services, eq(services.id, p.serviceId))
    .leftJoin(monthlyReports, and(eq(monthlyReports.cooperativeId, p.cooperativeId), eq(monthlyReports.month, p.month)))
    .where(and(...conditions))
    .orderBy(asc(p.month), asc(p.cooperativeId), asc(p.serviceId))
    .limit(limit + 1)
    .all();
}

/** Totals per (cooperative, month, service) of the given parts, from the summary table. */
export function totalsOfParts(db: Queryable, parts: readonly { cooperativeId: number; month: string; serviceId: number }[]) {
  if (parts.length === 0) return [];
  const t = lotMonthTotals;
  return db
    .select({
      cooperativeId: t.cooperativeId,
      month: t.month,
      serviceId: t.serviceId,
      minutes: sql<number>`SUM(${t.minutes})`,
      amountCents: sql<number>`SUM(${t.amountCents})`,
      interventions: sql<number>`SUM(${t.interventions})`,
    })
    .from(t)
    .where(
      or(...parts.map((part) => and(eq(t.cooperativeId, part.cooperativeId), eq(t.month, part.month), eq(t.serviceId, part.serviceId)))),
    )
    .groupBy(t.cooperativeId, t.month, t.serviceId)
    .all();
}
