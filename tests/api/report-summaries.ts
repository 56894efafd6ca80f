// The report summaries of migration 0014 — caseload changes and review dates by calendar bucket,
// lot totals by year — beside their recomputation from the raw rows, and the caseload and
// reviews-due reports beside a scan of every project, on the days where an answer can change.
import { expect } from 'vitest';
import type { Db } from '@bds/db';
import { today } from '@bds/server/dates.ts';
import { reviewCounts } from '@bds/server/reports/reviews-due.ts';
import type { Principal } from '@bds/server/auth/principal.ts';
import type { TestContext } from './helpers.ts';

const CHANGES = 'projects, high, medium, low, habitat, sociality, work, overdue, due';
// Rows that fall back to zero are kept (their number is bounded by days × services): compare the others.
const NOT_ZERO = 'projects <> 0 OR high <> 0 OR medium <> 0 OR low <> 0 OR habitat <> 0 OR sociality <> 0 OR work <> 0 OR overdue <> 0 OR due <> 0';

export function storedReportSummaries(db: Db) {
  const client = db.$client;
  return {
    caseloadChanges: client.prepare(`SELECT unit, bucket, service_id, ${CHANGES} FROM caseload_changes WHERE ${NOT_ZERO} ORDER BY 1, 2, 3`).all(),
    reviewDates: client.prepare('SELECT unit, bucket, service_id, projects FROM review_dates WHERE projects <> 0 ORDER BY 1, 2, 3').all(),
    lotYearTotals: client.prepare(`SELECT year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions
      FROM lot_year_totals ORDER BY 1, 2, 3, 4, 5`).all(),
  };
}

export function recomputedReportSummaries(db: Db) {
  const client = db.$client;
  return {
    caseloadChanges: client.prepare(`SELECT * FROM (
        SELECT u.unit, substr(c.day, 1, u.length) AS bucket, c.service_id, ${CHANGES.split(', ').map((m) => `SUM(c.${m}) AS ${m}`).join(', ')}
        FROM ptri_caseload_changes c JOIN calendar_units u GROUP BY 1, 2, 3)
      WHERE ${NOT_ZERO} ORDER BY 1, 2, 3`).all(),
    reviewDates: client.prepare(`SELECT u.unit, substr(p.next_review_date, 1, u.length) AS bucket, p.service_id, COUNT(*) AS projects
      FROM ptris p JOIN calendar_units u WHERE p.status IN ('active', 'suspended') AND p.next_review_date IS NOT NULL
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`).all(),
    lotYearTotals: client.prepare(`
      SELECT substr(i.month, 1, 4) AS year, i.lot_id, i.cooperative_id, i.service_id, COALESCE(p.status, 'open') AS status,
        SUM(i.minutes) AS minutes, SUM(i.amount_cents) AS amount_cents, COUNT(*) AS interventions
      FROM interventions i LEFT JOIN monthly_report_parts p
        ON p.cooperative_id = i.cooperative_id AND p.month = i.month AND p.service_id = i.service_id
      GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`).all(),
  };
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The caseload on a date as the report defined it before its summary: a scan of every project. */
function caseloadByScan(db: Db, date: string, serviceIds: number[] | null) {
  const rows = db.$client.prepare(`
    SELECT service_id AS serviceId, COUNT(*) AS projects,
      SUM(intensity = 'high') AS high, SUM(intensity = 'medium') AS medium, SUM(intensity = 'low') AS low,
      SUM(open_goals_habitat) AS habitat, SUM(open_goals_sociality) AS sociality, SUM(open_goals_work) AS work,
      COALESCE(SUM(next_review_date < ?), 0) AS overdue, COALESCE(SUM(next_review_date >= ? AND next_review_date <= ?), 0) AS due
    FROM ptris WHERE activated_on IS NOT NULL AND activated_on <= ? AND COALESCE(ended_on, end_date) >= ?
    GROUP BY service_id ORDER BY service_id`).all(date, date, addDays(date, 30), date, date) as Record<string, number>[];
  return rows
    .filter((r) => serviceIds === null || serviceIds.includes(r.serviceId!))
    .map((r) => ({
      serviceId: r.serviceId, projects: r.projects, byIntensity: { high: r.high, medium: r.medium, low: r.low },
      openGoals: { habitat: r.habitat, sociality: r.sociality, work: r.work }, reviewsOverdue: r.overdue, reviewsDueWithin30: r.due,
    }));
}

/** Every day on which some project's caseload figures change, and the day before it. */
function boundaryDays(db: Db): string[] {
  const days = db.$client.prepare(`
    SELECT activated_on AS d FROM ptris UNION SELECT COALESCE(ended_on, end_date) FROM ptris
    UNION SELECT next_review_date FROM ptris UNION SELECT date(next_review_date, '-30 days') FROM ptris`).all() as { d: string | null }[];
  const all = new Set([today(), addDays(today(), -1)]);
  for (const { d } of days) if (d) for (const day of [addDays(d, -1), d, addDays(d, 1)]) all.add(day);
  return [...all].sort();
}

/**
 * The caseload on every boundary day (for a manager, a case manager and a UVM member) and the
 * reviews due today for several horizons equal a scan of the raw projects.
 */
export async function expectReportsEqualScans(ctx: TestContext) {
  const { db, world } = ctx;
  const callers = [
    { name: 'manager', services: null },
    { name: 'cm.navile', services: [world.services.navile] },
    { name: 'uvm.pianura', services: [world.services.budrio] },
  ];
  const days = boundaryDays(db);
  for (const { name, services } of callers) {
    const call = await ctx.as(name);
    for (const date of name === 'manager' ? days : [today(), ...days.filter((_, i) => i % 5 === 0)]) {
      const res = await call({ method: 'GET', url: `/api/reports/caseload?date=${date}` });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (res.json().rows as Record<string, unknown>[])
        .map(({ serviceId, projects, byIntensity, openGoals, reviewsOverdue, reviewsDueWithin30 }) =>
          ({ serviceId, projects, byIntensity, openGoals, reviewsOverdue, reviewsDueWithin30 }))
        .sort((a, b) => (a.serviceId as number) - (b.serviceId as number));
      expect(rows, `caseload on ${date} for ${name}`).toEqual(caseloadByScan(db, date, services));
    }
    for (const within of [0, 30, 365]) {
      const res = await call({ method: 'GET', url: `/api/reports/reviews-due?within=${within}` });
      expect(res.statusCode, res.body).toBe(200);
      const { overdue, near, items } = res.json() as { overdue: number; near: number; items: { ptriId: number; daysLeft: number; overdue: boolean }[] };
      expect({ overdue, near }, `reviews due within ${within} for ${name}`).toEqual(reviewCountsByScan(db, today(), within, services));
      expect(items.map((i) => ({ ptriId: i.ptriId, daysLeft: i.daysLeft, overdue: i.overdue })), `reviews due page within ${within} for ${name}`).toEqual(reviewPageByScan(db, within, services));
    }
  }
  // The report counts for today only: its counting query is checked on every boundary day.
  const manager = { id: 0, username: 'manager', displayName: '', role: 'manager', serviceId: null, districtId: null, cooperativeId: null, mustChangePassword: false, sessionId: '' } satisfies Principal;
  for (const date of days) {
    for (const within of [0, 30]) {
      expect(reviewCounts(db, manager, date, addDays(date, within), undefined), `reviews due on ${date} within ${within}`)
        .toEqual(reviewCountsByScan(db, date, within, null));
    }
  }
}

function reviewCountsByScan(db: Db, date: string, within: number, serviceIds: number[] | null) {
  const rows = db.$client.prepare(`SELECT service_id AS serviceId, next_review_date AS next FROM ptris
    WHERE status IN ('active', 'suspended') AND next_review_date <= ?`).all(addDays(date, within)) as { serviceId: number; next: string }[];
  const visible = rows.filter((r) => serviceIds === null || serviceIds.includes(r.serviceId));
  return { overdue: visible.filter((r) => r.next < date).length, near: visible.filter((r) => r.next >= date).length };
}

/** The most urgent projects first, as the report lists them (100 on screen). */
function reviewPageByScan(db: Db, within: number, serviceIds: number[] | null) {
  const rows = db.$client.prepare(`SELECT id, service_id AS serviceId, next_review_date AS next FROM ptris
    WHERE status IN ('active', 'suspended') AND next_review_date <= ? ORDER BY next_review_date, id`).all(addDays(today(), within)) as { id: number; serviceId: number; next: string }[];
  const daysLeft = (next: string) => (Date.parse(`${next}T00:00:00Z`) - Date.parse(`${today()}T00:00:00Z`)) / 86_400_000;
  return rows.filter((r) => serviceIds === null || serviceIds.includes(r.serviceId)).slice(0, 100)
    .map((r) => ({ ptriId: r.id, daysLeft: daysLeft(r.next), overdue: daysLeft(r.next) < 0 }));
}
