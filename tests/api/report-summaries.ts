// The report summaries of migrations 0014 and 0019 — caseload changes and review dates by
// calendar bucket, lot totals by year — beside their recomputation from the raw rows, and the
// caseload and reviews-due reports beside the figures' definitions (server/src/figures), on the
// days up to today where an answer can change.
import { expect } from 'vitest';
import type { Db } from '@bds/db';
import { addDays } from '@bds/shared';
import { activeProjectsOn, hoursOfMonth, reviewsDueOn } from '@bds/server/figures/definitions.ts';
import { reviewCounts } from '@bds/server/reports/reviews-due.ts';
import type { Principal } from '@bds/server/auth/principal.ts';
import type { TestContext } from './helpers.ts';

const CHANGES = 'projects, high, medium, low, habitat, sociality, work, overdue, due, expired';
// Rows that fall back to zero are kept (their number is bounded by days × services): compare the others.
const NOT_ZERO = CHANGES.split(', ')
  .map((column) => `${column} <> 0`)
  .join(' OR ');

export function storedReportSummaries(db: Db) {
  const client = db.$client;
  return {
    caseloadChanges: client
      .prepare(`SELECT unit, bucket, service_id, ${CHANGES} FROM caseload_changes WHERE ${NOT_ZERO} ORDER BY 1, 2, 3`)
      .all(),
    reviewDates: client.prepare('SELECT unit, bucket, service_id, projects FROM review_dates WHERE projects <> 0 ORDER BY 1, 2, 3').all(),
    lotYearTotals: client
      .prepare(
        `SELECT year, lot_id, cooperative_id, service_id, status, minutes, amount_cents, interventions
      FROM lot_year_totals ORDER BY 1, 2, 3, 4, 5`,
      )
      .all(),
  };
}

export function recomputedReportSummaries(db: Db) {
  const client = db.$client;
  return {
    caseloadChanges: client
      .prepare(
        `SELECT * FROM (
        SELECT u.unit, substr(c.day, 1, u.length) AS bucket, c.service_id, ${CHANGES.split(', ')
          .map((m) => `SUM(c.${m}) AS ${m}`)
          .join(', ')}
        FROM ptri_caseload_changes c JOIN calendar_units u GROUP BY 1, 2, 3)
      WHERE ${NOT_ZERO} ORDER BY 1, 2, 3`,
      )
      .all(),
    reviewDates: client
      .prepare(
        `SELECT u.unit, substr(p.next_review_date, 1, u.length) AS bucket, p.service_id, COUNT(*) AS projects
      FROM ptris p JOIN calendar_units u WHERE p.status IN ('active', 'suspended') AND p.next_review_date IS NOT NULL
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all(),
    lotYearTotals: lotYearTotalsByDefinition(db),
  };
}

/** The caseload as its definition counts it: the active projects on a date, per service in view. */
function caseloadByDefinition(db: Db, date: string, serviceIds: number[] | null) {
  return activeProjectsOn(db, date)
    .filter((r) => serviceIds === null || serviceIds.includes(r.serviceId))
    .map((r) => ({
      serviceId: r.serviceId,
      projects: r.projects,
      byIntensity: { high: r.high, medium: r.medium, low: r.low },
      openGoals: { habitat: r.habitat, sociality: r.sociality, work: r.work },
      reviewsOverdue: r.overdue,
      reviewsDueWithin30: r.due,
      expired: r.expired,
    }));
}

/** Every day up to today on which some project's caseload figures change, and the day before it. */
function boundaryDays(db: Db, today: string): string[] {
  const days = db.$client
    .prepare(
      `
    SELECT activated_on AS d FROM ptris UNION SELECT ended_on FROM ptris UNION SELECT end_date FROM ptris
    UNION SELECT next_review_date FROM ptris UNION SELECT date(next_review_date, '-30 days') FROM ptris`,
    )
    .all() as { d: string | null }[];
  const all = new Set([today, addDays(today, -1)]);
  for (const { d } of days) if (d) for (const day of [addDays(d, -1), d, addDays(d, 1)]) all.add(day);
  return [...all].filter((day) => day <= today).sort();
}

/**
 * The caseload on every boundary day up to today (for a manager, a case manager and a UVM member)
 * and the reviews due today for several horizons equal their definitions over the raw projects.
 */
export async function expectReportsEqualDefinitions(ctx: TestContext, today: string) {
  const { db, world } = ctx;
  const callers = [
    { name: 'manager', services: null },
    { name: 'cm.navile', services: [world.services.navile] },
    { name: 'uvm.pianura', services: [world.services.budrio] },
  ];
  const days = boundaryDays(db, today);
  for (const { name, services } of callers) {
    const call = await ctx.as(name);
    for (const date of name === 'manager' ? days : [today, ...days.filter((_, i) => i % 5 === 0)]) {
      const res = await call({ method: 'GET', url: `/api/reports/caseload?date=${date}` });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (res.json().rows as Record<string, unknown>[])
        .map(({ serviceId, projects, byIntensity, openGoals, reviewsOverdue, reviewsDueWithin30, expired }) => ({
          serviceId,
          projects,
          byIntensity,
          openGoals,
          reviewsOverdue,
          reviewsDueWithin30,
          expired,
        }))
        .sort((a, b) => (a.serviceId as number) - (b.serviceId as number));
      expect(rows, `caseload on ${date} for ${name}`).toEqual(caseloadByDefinition(db, date, services));
    }
    for (const within of [0, 30, 365]) {
      const res = await call({ method: 'GET', url: `/api/reports/reviews-due?within=${within}` });
      expect(res.statusCode, res.body).toBe(200);
      const { overdue, near, items } = res.json() as {
        overdue: number;
        near: number;
        items: { ptriId: number; overdue: boolean; expired: boolean }[];
      };
      expect({ overdue, near }, `reviews due within ${within} for ${name}`).toEqual(reviewCountsByDefinition(db, today, within, services));
      const page = reviewsDueOn(db, today, within)
        .filter((r) => services === null || services.includes(r.serviceId))
        .slice(0, 100);
      expect(
        items.map((i) => ({ ptriId: i.ptriId, overdue: i.overdue, expired: i.expired })),
        `reviews due page within ${within} for ${name}`,
      ).toEqual(page.map((r) => ({ ptriId: r.ptriId, overdue: r.overdue, expired: r.expired })));
    }
  }
  // The report counts for today only: its counting query is checked on every boundary day.
  const manager = {
    id: 0,
    username: 'manager',
    displayName: '',
    role: 'manager',
    serviceId: null,
    districtId: null,
    cooperativeId: null,
    mustChangePassword: false,
    sessionId: '',
  } satisfies Principal;
  for (const date of days) {
    for (const within of [0, 30]) {
      expect(reviewCounts(db, manager, date, addDays(date, within), undefined), `reviews due on ${date} within ${within}`).toEqual(
        reviewCountsByDefinition(db, date, within, null),
      );
    }
  }
}

function reviewCountsByDefinition(db: Db, date: string, within: number, serviceIds: number[] | null) {
  const visible = reviewsDueOn(db, date, within).filter((r) => serviceIds === null || serviceIds.includes(r.serviceId));
  return { overdue: visible.filter((r) => r.overdue).length, near: visible.filter((r) => !r.overdue).length };
}

/** The year totals by the definition of a month's hours (interventions and department-wide work), summed over each year's months. */
function lotYearTotalsByDefinition(db: Db) {
  const months = (
    db.$client.prepare('SELECT month FROM interventions UNION SELECT month FROM community_sessions ORDER BY 1').all() as { month: string }[]
  ).map((row) => row.month);
  const years = new Map<
    string,
    {
      year: string;
      lot_id: number;
      cooperative_id: number;
      service_id: number;
      status: string;
      minutes: number;
      amount_cents: number;
      interventions: number;
    }
  >();
  for (const month of months) {
    for (const row of hoursOfMonth(db, month)) {
      const key = [month.slice(0, 4), row.lotId, row.cooperativeId, row.serviceId, row.status].join('|');
      const sum = years.get(key);
      if (sum) {
        sum.minutes += row.minutes;
        sum.amount_cents += row.amountCents;
        sum.interventions += row.interventions;
      } else
        years.set(key, {
          year: month.slice(0, 4),
          lot_id: row.lotId,
          cooperative_id: row.cooperativeId,
          service_id: row.serviceId,
          status: row.status,
          minutes: row.minutes,
          amount_cents: row.amountCents,
          interventions: row.interventions,
        });
    }
  }
  const order = (r: { year: string; lot_id: number; cooperative_id: number; service_id: number; status: string }) =>
    [r.year, r.lot_id, r.cooperative_id, r.service_id, r.status] as const;
  return [...years.values()].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
}
