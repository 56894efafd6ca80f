import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, member, record } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

interface Money {
  interventions: number;
  hours: number;
  amount: number;
}
interface CoopTotals {
  cooperativeId: number;
  personsWithInterventions: number;
  projectsWithInterventions: number;
  validated: Money;
  pending: Money;
}

/** Two projects, two cooperatives, two services; March validated for alfa, the rest pending. */
async function world() {
  const a = await activeProject(ctx, { service: 'navile', cooperatives: ['alfa', 'beta'] });
  const b = await activeProject(ctx, { service: 'budrio', cooperatives: ['alfa'] });
  const alfa = await ctx.as('coop.alfa');
  const beta = await ctx.as('coop.beta');
  await record(alfa, a.id, { hours: 2 });
  await record(alfa, a.id, { date: '2025-03-11', hours: 1.25 });
  await record(alfa, b.id, { date: '2025-03-12', hours: 3 });
  await record(beta, a.id, { date: '2025-03-13', hours: 0.5 });
  await record(alfa, a.id, { date: '2025-04-01', hours: 4 });
  await alfa({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/submit` });
  await (
    await ctx.as('cm.navile')
  )({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/review`, payload: { decision: 'validated' } });
  await (
    await ctx.as('cm.budrio')
  )({ method: 'POST', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports/2025-03/review`, payload: { decision: 'validated' } });
  return { a, b };
}

/** The same figures straight from the raw rows, with the lot rate applied here rather than read back. */
function fromRawRows(where: string) {
  return ctx.db.$client
    .prepare(
      `
      SELECT i.cooperative_id AS cooperativeId, COALESCE(p.status, 'open') = 'validated' AS validated,
        COUNT(*) AS n, SUM(i.minutes) AS minutes, SUM(ROUND(i.minutes * l.hourly_rate_cents / 60.0)) AS cents,
        COUNT(DISTINCT t.person_id) AS users
      FROM interventions i JOIN lots l ON l.id = i.lot_id JOIN ptris t ON t.id = i.ptri_id
      LEFT JOIN monthly_report_parts p ON p.cooperative_id = i.cooperative_id AND p.month = i.month AND p.service_id = i.service_id
      WHERE ${where} GROUP BY 1, 2`,
    )
    .all() as { cooperativeId: number; validated: number; n: number; minutes: number; cents: number; users: number }[];
}

describe('lot totals', () => {
  it('equal the sums of the raw interventions, validated and pending apart', async () => {
    await world();
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/lot-totals?year=2025' });
    expect(res.statusCode, res.body).toBe(200);
    const lot1 = res.json().lots.find((lot: { lotNumber: number }) => lot.lotNumber === 1);
    for (const raw of fromRawRows("i.month LIKE '2025-%'")) {
      const coop = lot1.cooperatives.find((c: CoopTotals) => c.cooperativeId === raw.cooperativeId) as CoopTotals;
      const side = raw.validated ? coop.validated : coop.pending;
      expect(side).toEqual({ interventions: raw.n, hours: raw.minutes / 60, amount: raw.cents / 100 });
    }
    expect(lot1.validated).toEqual({ interventions: 3, hours: 6.25, amount: 165.63 });
    expect(lot1.pending).toEqual({ interventions: 2, hours: 4.5, amount: 119.25 });
    expect(lot1).toMatchObject({
      personsWithInterventions: 2,
      projectsWithInterventions: 2,
      ceilingShare: Math.round((16563 / 10_000_000) * 10_000) / 10_000,
    });
    expect(lot1.cooperatives.find((c: CoopTotals) => c.cooperativeId === ctx.world.coops.beta)).toMatchObject({
      personsWithInterventions: 1,
      projectsWithInterventions: 1,
    });
  });

  it('gives a month alone, and a cooperative only its own totals', async () => {
    await world();
    const month = (await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/lot-totals?month=2025-04' })).json();
    expect(month.lots.find((l: { lotNumber: number }) => l.lotNumber === 1).pending).toEqual({ interventions: 1, hours: 4, amount: 106 });
    const beta = (await (await ctx.as('coop.beta'))({ method: 'GET', url: '/api/reports/lot-totals?year=2025' })).json();
    expect(beta.lots).toHaveLength(1);
    expect(beta.lots[0].cooperatives.map((c: CoopTotals) => c.cooperativeId)).toEqual([ctx.world.coops.beta]);
    expect(beta.lots[0].pending.hours).toBe(0.5);
    const budrio = (await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/reports/lot-totals?year=2025' })).json();
    expect(budrio.lots[0].validated.hours).toBe(3);
    expect((await (await ctx.as('uvm.bologna'))({ method: 'GET', url: '/api/reports/lot-totals?year=2025' })).statusCode).toBe(403);
  });

  it('lists for the whole department each lot number once, of the tender in force at the period end', async () => {
    await world();
    const { lot1, lot2 } = ctx.world.lots;
    const older = Number(
      ctx.db.$client
        .prepare(
          `INSERT INTO lots (number, title, tender_year, service_kinds, contractor, hourly_rate_cents, ceiling_cents, tender_start, tender_end)
           SELECT number, title, 2020, service_kinds, contractor, hourly_rate_cents, ceiling_cents, '2020-01-01', '2023-12-31' FROM lots WHERE id = ?`,
        )
        .run(lot1).lastInsertRowid,
    );
    const manager = await ctx.as('manager');
    const lotsOf = async (query: string) =>
      (await manager({ method: 'GET', url: `/api/reports/lot-totals?${query}` })).json().lots.map((l: { lotId: number }) => l.lotId);
    expect(await lotsOf('year=2025')).toEqual([lot1, lot2]);
    expect(await lotsOf('year=2022')).toEqual([older, lot2]);
    // A case manager still sees only the lots their service has work in.
    const budrio = (await (await ctx.as('cm.budrio'))({ method: 'GET', url: '/api/reports/lot-totals?year=2022' })).json();
    expect(budrio.lots).toEqual([]);
  });

  it('is also a CSV that parses back to the same figures', async () => {
    await world();
    const manager = await ctx.as('manager');
    const res = await manager({ method: 'GET', url: '/api/reports/lot-totals?year=2025&format=csv' });
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const total = rows.find((r) => r['Lotto'] === '1' && r['Cooperativa'] === 'Totale lotto');
    expect(total).toMatchObject({
      'Ore validate': '6,25',
      'Importo validato': '165,63',
      'Ore in attesa': '4,5',
      'Persone con interventi': '2',
    });
    const audit = ctx.db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'report_lot_totals'").get();
    expect(audit).toEqual({ n: 1 });
  });

  it('refuses a query without a period, naming the field', async () => {
    const res = await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/lot-totals' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('year');
  });
});

describe('caseload and reviews due', () => {
  it('counts active projects per service by intensity and open goals, scoped to the case manager', async () => {
    await world();
    const manager = await ctx.as('manager');
    const res = await manager({ method: 'GET', url: '/api/reports/caseload?date=2025-06-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().rows[0]).toMatchObject({
      projects: 1,
      byIntensity: { medium: 1, high: 0 },
      openGoals: { habitat: 1, work: 1, sociality: 0 },
    });
    expect((await manager({ method: 'GET', url: '/api/reports/caseload?date=2024-06-01' })).json().total).toBe(0);
    const own = await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/reports/caseload?date=2025-06-01' });
    expect(own.json().rows.map((r: { serviceId: number }) => r.serviceId)).toEqual([ctx.world.services.navile]);
    const csv = await manager({ method: 'GET', url: '/api/reports/caseload?date=2025-06-01&format=csv' });
    const rows = parse(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Progetti attivi'])).toEqual(['1', '1']);
  });

  it('lists overdue and near reviews from the last evaluation', async () => {
    const { a } = await world();
    // The approving evaluation of 2024-12-20 set the review six months later: long overdue.
    const manager = await ctx.as('manager');
    const res = await manager({ method: 'GET', url: '/api/reports/reviews-due?within=30' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().overdue).toBe(2);
    const item = res.json().items.find((i: { ptriId: number }) => i.ptriId === a.id);
    expect(item).toMatchObject({ nextReviewDate: '2025-06-20', overdue: true });
    const review = await (
      await ctx.as('uvm.bologna')
    )({
      method: 'POST',
      url: `/api/ptris/${a.id}/evaluations`,
      payload: { date: new Date().toISOString().slice(0, 10), kind: 'review', members: [member], outcome: 'approved' },
    });
    expect(review.statusCode, review.body).toBe(201);
    const after = (await manager({ method: 'GET', url: '/api/reports/reviews-due?within=30' })).json();
    expect(after.items.map((i: { ptriId: number }) => i.ptriId)).not.toContain(a.id);
    const own = (await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/reports/reviews-due' })).json();
    expect(own.items).toHaveLength(0);
    const csv = await manager({ method: 'GET', url: '/api/reports/reviews-due?format=csv' });
    const rows = parse(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Stato: 'Attivo', 'Verifica scaduta': 'sì' });
  });

  it('pages the reviews due after their count, in date order, without losing or repeating one', async () => {
    await world();
    const manager = await ctx.as('manager');
    const first = (await manager({ method: 'GET', url: '/api/reports/reviews-due?within=30&limit=1' })).json();
    expect(first.overdue + first.near).toBe(2);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await manager({ method: 'GET', url: `/api/reports/reviews-due?within=30&limit=1&cursor=${first.nextCursor}` })).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const dates = [first.items[0], second.items[0]].map(
      (i: { nextReviewDate: string; ptriId: number }) => `${i.nextReviewDate}#${i.ptriId}`,
    );
    expect(new Set(dates).size).toBe(2);
    expect([...dates].sort()).toEqual(dates);
    const bad = await manager({ method: 'GET', url: '/api/reports/reviews-due?cursor=xyz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cursor');
  });
});
