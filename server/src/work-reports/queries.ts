import { and, asc, between, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { MonthStatus } from '@bds/shared';

// Months of a year as a range on 'YYYY-MM' text, so the (cooperative, month) keys are used.

const { monthlyReports, monthlyReportParts, lotMonthTotals, services, cooperatives } = schema;

export function cooperativeExists(db: Queryable, id: number): boolean {
  return db.select({ id: cooperatives.id }).from(cooperatives).where(eq(cooperatives.id, id)).get() !== undefined;
}

/** Services with interventions of the cooperative in the month, from the summary table. */
export function servicesWithWork(db: Queryable, cooperativeId: number, month: string): number[] {
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
      set: { status: values.status, reviewedAt: values.reviewedAt ?? null, reviewedBy: values.reviewedBy ?? null, note: values.note ?? null },
    })
    .run();
}

export function upsertReport(db: Queryable, values: typeof monthlyReports.$inferInsert) {
  const { cooperativeId: _c, month: _m, ...set } = values;
  db.insert(monthlyReports).values(values).onConflictDoUpdate({ target: [monthlyReports.cooperativeId, monthlyReports.month], set }).run();
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
    .innerJoin(services, eq(services.id, monthlyReportParts.serviceId))
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
    .innerJoin(services, eq(services.id, lotMonthTotals.serviceId))
    .where(and(eq(lotMonthTotals.cooperativeId, cooperativeId), between(lotMonthTotals.month, `${year}-01`, `${year}-12`)))
    .groupBy(lotMonthTotals.month, lotMonthTotals.serviceId, lotMonthTotals.status)
    .all();
}
