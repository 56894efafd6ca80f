import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, record, recomputedSummaries, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const submit = (coop: number, month = '2025-03') => ({ method: 'POST' as const, url: `/api/cooperatives/${coop}/reports/${month}/submit` });
const review = (coop: number, payload: Record<string, unknown>, month = '2025-03') => ({ method: 'POST' as const, url: `/api/cooperatives/${coop}/reports/${month}/review`, payload });

describe('monthly reports', () => {
  it('makes a submitted month read-only: no new, changed or deleted interventions', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    const created = (await record(alfa, id)).json();
    const res = await alfa(submit(ctx.world.coops.alfa));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', totals: { interventions: 1, hours: 2.5 } });
    expect((await record(alfa, id, { date: '2025-03-20' })).statusCode).toBe(409);
    expect((await alfa({ method: 'PATCH', url: `/api/interventions/${created.id}`, payload: { hours: 1 } })).statusCode).toBe(409);
    expect((await alfa({ method: 'DELETE', url: `/api/interventions/${created.id}` })).statusCode).toBe(409);
    expect((await alfa(submit(ctx.world.coops.alfa))).statusCode).toBe(409);
    // Another month stays open.
    expect((await record(alfa, id, { date: '2025-04-01' })).statusCode).toBe(201);
  });

  it('lets a cooperative submit only its own month, and not an empty or future one', async () => {
    const alfa = await ctx.as('coop.alfa');
    expect((await alfa(submit(ctx.world.coops.beta))).statusCode).toBe(404);
    expect((await alfa(submit(ctx.world.coops.alfa))).statusCode).toBe(409);
    expect((await alfa(submit(ctx.world.coops.alfa, '2099-01'))).statusCode).toBe(400);
  });

  it('validates the month when every service concerned has validated its part', async () => {
    const navile = await activeProject(ctx, { service: 'navile' });
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const alfa = await ctx.as('coop.alfa');
    expect((await record(alfa, navile.id)).statusCode).toBe(201);
    expect((await record(alfa, budrio.id)).statusCode).toBe(201);
    await alfa(submit(ctx.world.coops.alfa));
    const first = await (await ctx.as('cm.navile'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(first.statusCode, first.body).toBe(200);
    // The case manager sees the status of their own part; the month waits for Budrio's.
    expect(first.json().status).toBe('validated');
    const waiting = (await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).json();
    expect(waiting.months.find((m: { month: string }) => m.month === '2025-03').status).toBe('submitted');
    const second = await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(second.json().status).toBe('validated');
    // A case manager sees only their own service's part; the cooperative sees them all.
    expect(second.json().parts.map((p: { serviceId: number }) => p.serviceId)).toEqual([ctx.world.services.budrio]);
    const months = (await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).json().months;
    const march = months.find((m: { month: string }) => m.month === '2025-03');
    expect(march.parts.map((p: { status: string }) => p.status)).toEqual(['validated', 'validated']);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('returns a month with a required note, reopening only the returned part', async () => {
    const navile = await activeProject(ctx, { service: 'navile' });
    const budrio = await activeProject(ctx, { service: 'budrio' });
    const alfa = await ctx.as('coop.alfa');
    const fromNavile = (await record(alfa, navile.id)).json();
    const fromBudrio = (await record(alfa, budrio.id)).json();
    await alfa(submit(ctx.world.coops.alfa));
    const cmNavile = await ctx.as('cm.navile');
    const noNote = await cmNavile(review(ctx.world.coops.alfa, { decision: 'returned' }));
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('note');
    await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }));
    const returned = await cmNavile(review(ctx.world.coops.alfa, { decision: 'returned', note: 'Ore del 10 marzo da verificare' }));
    expect(returned.json()).toMatchObject({ status: 'returned', note: 'Ore del 10 marzo da verificare' });
    // Budrio's case manager sees Budrio's part only: not Navile's note, nor the month as returned.
    const seenByBudrio = (await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).json();
    const march = seenByBudrio.months.find((m: { month: string }) => m.month === '2025-03');
    expect(march).toMatchObject({ status: 'validated', note: null });
    expect(JSON.stringify(seenByBudrio)).not.toContain('10 marzo');
    expect((await alfa({ method: 'PATCH', url: `/api/interventions/${fromNavile.id}`, payload: { hours: 2 } })).statusCode).toBe(200);
    expect((await alfa({ method: 'PATCH', url: `/api/interventions/${fromBudrio.id}`, payload: { hours: 2 } })).statusCode).toBe(409);
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
    expect((await alfa(submit(ctx.world.coops.alfa))).json().status).toBe('submitted');
    const validated = await cmNavile(review(ctx.world.coops.alfa, { decision: 'validated' }));
    expect(validated.json().status).toBe('validated');
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('lets only the case managers of a service concerned review, once', async () => {
    const { id } = await activeProject(ctx, { service: 'navile' });
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    await alfa(submit(ctx.world.coops.alfa));
    expect((await (await ctx.as('cm.budrio'))(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(404);
    expect((await (await ctx.as('manager'))(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(403);
    const cm = await ctx.as('cm.navile');
    expect((await cm(review(ctx.world.coops.alfa, { decision: 'validated' }))).statusCode).toBe(200);
    expect((await cm(review(ctx.world.coops.alfa, { decision: 'returned', note: 'tardi' }))).statusCode).toBe(409);
  });

  it('lists the status of every month of a year', async () => {
    const { id } = await activeProject(ctx);
    const alfa = await ctx.as('coop.alfa');
    await record(alfa, id);
    await record(alfa, id, { date: '2025-04-03' });
    await alfa(submit(ctx.world.coops.alfa));
    const res = await alfa({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` });
    expect(res.statusCode, res.body).toBe(200);
    const months = res.json().months as { month: string; status: string; parts: { status: string }[] }[];
    expect(months).toHaveLength(12);
    expect(months.find((m) => m.month === '2025-03')?.status).toBe('submitted');
    expect(months.find((m) => m.month === '2025-04')).toMatchObject({ status: 'open', parts: [{ status: 'open' }] });
    expect((await (await ctx.as('coop.beta'))({ method: 'GET', url: `/api/cooperatives/${ctx.world.coops.alfa}/reports?year=2025` })).statusCode).toBe(404);
  });
});
