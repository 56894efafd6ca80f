// Department-wide parts of a cooperative's month (flats, community activities): submitted with the
// month, reviewed by a DSM-DP manager, counted in the month's status and in the lot totals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDepartmentWork } from '@bds/server/monthly-reports/parts.ts';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, record } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const month = '2025-03';
const reportsUrl = () => `/api/cooperatives/${ctx.world.coops.alfa}/reports`;
const submit = () => ({ method: 'POST' as const, url: `${reportsUrl()}/${month}/submit` });
const reviewPart = (kind: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: `${reportsUrl()}/${month}/parts/${kind}/review`,
  payload,
});
const reviewService = (payload: Record<string, unknown>) => ({ method: 'POST' as const, url: `${reportsUrl()}/${month}/review`, payload });

/** Three hours of flat work of the cooperative in March, as a flat-level write would count them. */
function flatWork(count = 1) {
  ctx.db.transaction((tx) =>
    addDepartmentWork(ctx.db, tx, {
      kind: 'flats',
      lotId: ctx.world.lots.lot1,
      cooperativeId: ctx.world.coops.alfa,
      month,
      minutes: count * 180,
      amountCents: count * 7950,
      count,
    }),
  );
}

async function marchOf(username: string) {
  const res = await (await ctx.as(username))({ method: 'GET', url: `${reportsUrl()}?year=2025` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().months.find((m: { month: string }) => m.month === month);
}

describe('department-wide parts of a month', () => {
  it('shows department-wide work as its own open part, then submits it with the month', async () => {
    const { id } = await activeProject(ctx, { service: 'navile' });
    const alfa = await ctx.as('coop.alfa');
    expect((await record(alfa, id)).statusCode).toBe(201);
    flatWork();
    const open = await marchOf('coop.alfa');
    expect(open.parts).toContainEqual(
      expect.objectContaining({
        kind: 'flats',
        serviceId: null,
        serviceName: 'Appartamenti di convivenza (Lotto 3)',
        status: 'open',
        totals: { interventions: 1, hours: 3, amount: 79.5 },
      }),
    );
    expect(open.totals).toEqual({ interventions: 2, hours: 5.5, amount: 79.5 + 66.25 });
    const submitted = await alfa(submit());
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(
      submitted
        .json()
        .parts.map((p: { kind: string; status: string }) => [p.kind, p.status])
        .sort(),
    ).toEqual([
      ['flats', 'submitted'],
      ['service', 'submitted'],
    ]);
  });

  it('submits a month that holds department-wide work only', async () => {
    flatWork();
    const res = await (await ctx.as('coop.alfa'))(submit());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', parts: [{ kind: 'flats', status: 'submitted' }] });
  });

  it('validates the month only when the services and the manager have validated their parts', async () => {
    const { id } = await activeProject(ctx, { service: 'navile' });
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    flatWork(2);
    await alfa(submit());
    const manager = await ctx.as('manager');
    const byManager = await manager(reviewPart('flats', { decision: 'validated' }));
    expect(byManager.statusCode, byManager.body).toBe(200);
    expect(byManager.json().status).toBe('submitted');
    expect((await marchOf('coop.alfa')).status).toBe('submitted');
    expect((await (await ctx.as('cm.navile'))(reviewService({ decision: 'validated' }))).statusCode).toBe(200);
    expect((await marchOf('coop.alfa')).status).toBe('validated');
    // The lot totals count the flat hours at the lot's rate, validated.
    const totals = await manager({ method: 'GET', url: '/api/reports/lot-totals?year=2025' });
    expect(totals.statusCode, totals.body).toBe(200);
    const lot1 = totals.json().lots.find((l: { lotId: number }) => l.lotId === ctx.world.lots.lot1);
    expect(lot1.validated).toEqual({ interventions: 3, hours: 8.5, amount: 159 + 66.25 });
    expect(lot1.pending).toEqual({ interventions: 0, hours: 0, amount: 0 });
  });

  it('lets only a manager review a department-wide part, once, with a note to return it', async () => {
    flatWork();
    const alfa = await ctx.as('coop.alfa');
    const manager = await ctx.as('manager');
    const early = await manager(reviewPart('flats', { decision: 'validated' }));
    expect(early.statusCode).toBe(404);
    expect(early.json().detail).toBe('Nessun lavoro «Appartamenti di convivenza (Lotto 3)» da rivedere per il mese di marzo 2025');
    await alfa(submit());
    expect((await (await ctx.as('cm.navile'))(reviewPart('flats', { decision: 'validated' }))).statusCode).toBe(403);
    expect((await alfa(reviewPart('flats', { decision: 'validated' }))).statusCode).toBe(403);
    const none = await manager(reviewPart('community_activities', { decision: 'validated' }));
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toBe('Nessun lavoro «Attività di comunità (Lotto 4)» da rivedere per il mese di marzo 2025');
    const badKind = await manager(reviewPart('garden', { decision: 'validated' }));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].path).toBe('kind');
    const noNote = await manager(reviewPart('flats', { decision: 'returned' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('note');
    const returned = await manager(reviewPart('flats', { decision: 'returned', note: 'Ore notturne da dettagliare' }));
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', note: 'Ore notturne da dettagliare' });
    const again = await manager(reviewPart('flats', { decision: 'validated' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('La parte «Appartamenti di convivenza (Lotto 3)» è in stato «Restituito»: non si può rivedere');
  });

  it('refuses department-wide work in a submitted part and takes it again once returned', async () => {
    flatWork();
    const alfa = await ctx.as('coop.alfa');
    await alfa(submit());
    expect(() => flatWork()).toThrow('Il mese di marzo 2025 è in stato «Inviato»: non si può modificare');
    await (
      await ctx.as('manager')
    )(reviewPart('flats', { decision: 'returned', note: 'Manca una giornata' }));
    flatWork();
    expect((await marchOf('coop.alfa')).parts[0]).toMatchObject({
      kind: 'flats',
      status: 'returned',
      totals: { interventions: 2, hours: 6 },
    });
    expect((await alfa(submit())).json()).toMatchObject({ status: 'submitted', parts: [{ kind: 'flats', status: 'submitted' }] });
  });

  it("keeps a department-wide part out of a case manager's view and lists it for the manager", async () => {
    const { id } = await activeProject(ctx, { service: 'navile' });
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    flatWork();
    await alfa(submit());
    const seenByCaseManager = await marchOf('cm.navile');
    expect(seenByCaseManager.parts.map((p: { kind: string }) => p.kind)).toEqual(['service']);
    const cmList = (await (await ctx.as('cm.navile'))({ method: 'GET', url: '/api/monthly-reports?year=2025' })).json();
    expect(cmList.items.map((p: { kind: string }) => p.kind)).toEqual(['service']);
    const managerList = await (await ctx.as('manager'))({ method: 'GET', url: '/api/monthly-reports?year=2025&status=submitted' });
    expect(managerList.statusCode, managerList.body).toBe(200);
    expect(managerList.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'flats',
        serviceId: null,
        status: 'submitted',
        totals: { interventions: 1, hours: 3, amount: 79.5 },
      }),
    );
    // The manager's page of department-wide parts asks for those alone, however many service parts a year holds.
    const departmentWide = await (await ctx.as('manager'))({ method: 'GET', url: '/api/monthly-reports?year=2025&departmentWide=true' });
    expect(departmentWide.json().items.map((p: { kind: string }) => p.kind)).toEqual(['flats']);
    const cmDepartmentWide = await (
      await ctx.as('cm.navile')
    )({ method: 'GET', url: '/api/monthly-reports?year=2025&departmentWide=true' });
    expect(cmDepartmentWide.json().items).toEqual([]);
    expect((await (await ctx.as('manager'))({ method: 'GET', url: '/api/monthly-reports?departmentWide=yes' })).statusCode).toBe(400);
  });
});
