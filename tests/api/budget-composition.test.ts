// The budget composition report: who brings what per source and axis in the projects in care in
// a year, and the share not paid by the AUSL; held equal to the plain computation over every project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { AXES, BUDGET_SOURCES, type BudgetComposition } from '@bds/shared';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, draftProject } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // Two projects in care in 2025 (2025-01-10 to their planned end, 2025-12-31): never closed, so
  // still in care in 2026 past their planned end (expired), which ptri_years alone does not hold.
  await activeProject(ctx);
  const second = await activeProject(ctx);
  const current = (await second.cm({ method: 'GET', url: `/api/ptris/${second.ptri.id}` })).json();
  const changed = await second.cm({
    method: 'PATCH',
    url: `/api/ptris/${second.ptri.id}`,
    payload: {
      version: current.version,
      budget: {
        habitat: [
          { source: 'family', description: 'Contributo della sorella', amount: 300 },
          { source: 'ausl', description: 'Educatore', amount: 700, hours: 30 },
        ],
      },
    },
  });
  expect(changed.statusCode, changed.body).toBe(200);
  // A draft is in care in no year.
  await draftProject(ctx, { budget: { work: [{ source: 'private', description: 'Fondazione', amount: 5000 }] } });
});
afterAll(() => ctx.close());

/** The same figures from every project, with no index or summary: the definition, computed plainly. */
function plainComposition(year: number, today: string) {
  if (`${year}-01-01` > today) return [];
  const last = `${year}-12-31` < today ? `${year}-12-31` : today;
  return ctx.db.$client
    .prepare(
      `SELECT bl.source, bl.axis, SUM(COALESCE(bl.amount_cents, 0)) AS cents, SUM(COALESCE(bl.minutes, 0)) AS minutes,
         COUNT(DISTINCT bl.ptri_id) AS projects
       FROM ptris p JOIN budget_lines bl ON bl.ptri_id = p.id
       WHERE p.activated_on IS NOT NULL AND p.activated_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?)
       GROUP BY bl.source, bl.axis`,
    )
    .all(last, `${year}-01-01`) as { source: string; axis: string; cents: number; minutes: number; projects: number }[];
}

const report = async (query: string, user = 'manager') =>
  (await (await ctx.as(user))({ method: 'GET', url: `/api/reports/budget-composition?${query}` })).json<BudgetComposition>();

describe('the budget composition', () => {
  it('sums amount, hours and projects per source and axis, and the share not paid by the AUSL', async () => {
    const composition = await report('year=2025');
    expect(composition.rows).toEqual([
      { source: 'family', axis: 'habitat', amount: 300, hours: 0, projects: 1 },
      { source: 'ausl', axis: 'habitat', amount: 700, hours: 30, projects: 1 },
      { source: 'ausl', axis: 'sociality', amount: 1600, hours: 0, projects: 2 },
      { source: 'social_services', axis: 'habitat', amount: 1200, hours: 0, projects: 1 },
      { source: 'community', axis: 'work', amount: 0, hours: 40, projects: 2 },
    ]);
    // Not AUSL: 300 + 1200 of 3800 euros.
    expect(composition.nonAuslShare).toBe(0.395);
    expect(composition.byService).toEqual([
      { serviceId: ctx.world.services.navile, serviceName: expect.any(String), nonAuslShare: 0.395, amount: 3800, projects: 2 },
    ]);
    expect(composition.byDistrict).toEqual([
      { districtId: expect.any(Number), districtName: expect.any(String), nonAuslShare: 0.395, amount: 3800, projects: 2 },
    ]);
  });

  it.each([2024, 2025, 2026, 2099])('equals the plain computation over every project in %i', async (year) => {
    const composition = await report(`year=${year}`);
    const today = new Date().toISOString().slice(0, 10);
    const plain = plainComposition(year, today);
    const expected = BUDGET_SOURCES.flatMap((source) =>
      AXES.flatMap((axis) => {
        const row = plain.find((r) => r.source === source && r.axis === axis);
        return row ? [{ source, axis, amount: row.cents / 100, hours: row.minutes / 60, projects: row.projects }] : [];
      }),
    );
    expect(composition.rows).toEqual(expected);
    if (year === 2026) expect(composition.rows.length, 'expired projects past their planned end count').toBeGreaterThan(0);
    if (year === 2099) expect(composition).toMatchObject({ throughDate: null, rows: [], nonAuslShare: null });
  });

  it("gives a case manager their own service's, and refuses another's, logging only what was read", async () => {
    const logged = () =>
      ctx.db.$client
        .prepare("SELECT username, changes FROM audit_log WHERE entity = 'report_budget_composition' ORDER BY id")
        .all()
        .map((row) => ({ ...(row as { username: string }), changes: JSON.parse((row as { changes: string }).changes) }));
    const before = logged().length;
    expect((await report('year=2025', 'cm.navile')).rows.length).toBe(5);
    expect((await report('year=2025', 'cm.budrio')).rows).toEqual([]);
    const other = await (
      await ctx.as('cm.budrio')
    )({
      method: 'GET',
      url: `/api/reports/budget-composition?year=2025&serviceId=${ctx.world.services.navile}`,
    });
    expect(other.statusCode).toBe(403);
    expect((await (await ctx.as('coop.alfa'))({ method: 'GET', url: '/api/reports/budget-composition?year=2025' })).statusCode).toBe(403);
    // The row is committed before the read runs: a refusal must come before it.
    expect(logged().slice(before)).toEqual([
      { username: 'cm.navile', changes: { year: 2025, serviceId: null, districtId: null } },
      { username: 'cm.budrio', changes: { year: 2025, serviceId: null, districtId: null } },
    ]);
  });

  it('filters by district and writes the same rows as CSV', async () => {
    expect((await report(`year=2025&districtId=${ctx.world.districts.pianura}`)).rows).toEqual([]);
    const csv = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/budget-composition?year=2025&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ Fonte: 'Famiglia', Asse: expect.any(String), Progetti: '1' });
  });

  it('reads the projects of a year through indexes, with no scan of projects or budget lines', () => {
    const plan = ctx.db.$client
      .prepare(
        `EXPLAIN QUERY PLAN WITH candidates(id) AS (
           SELECT ptri_id FROM ptri_years WHERE year = 2025
           UNION ALL SELECT id FROM ptris WHERE ended_on IS NULL AND activated_on IS NOT NULL AND end_date < '2025-01-01')
         SELECT bl.source FROM candidates c CROSS JOIN ptris p ON p.id = c.id CROSS JOIN budget_lines bl ON bl.ptri_id = p.id`,
      )
      .all() as { detail: string }[];
    const details = plan.map((row) => row.detail);
    expect(details.filter((d) => /^SCAN (p|bl|ptris|budget_lines)\b/.test(d))).toEqual([]);
  });
});
