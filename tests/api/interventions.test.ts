import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { activeProject, record, recomputedSummaries, storedSummaries } from './work-helpers.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

describe('recording an intervention', () => {
  it('stores hours in minutes and computes the amount from the lot hourly rate', async () => {
    const { id } = await activeProject(ctx);
    const res = await record(await ctx.as('coop.alfa'), id, { hours: 2.5 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ptriId: id, month: '2025-03', hours: 2.5, amount: 66.25, editable: true });
    const row = ctx.db.$client.prepare('SELECT minutes, amount_cents FROM interventions').get();
    expect(row).toEqual({ minutes: 150, amount_cents: 6625 });
  });

  it('refuses an intervention outside the project period, in the future or with bad hours, naming the field', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    for (const [overrides, path] of [
      [{ date: '2024-12-31' }, 'date'],
      [{ date: '2026-01-01' }, 'date'],
      [{ date: '2099-01-01' }, 'date'],
      [{ hours: 0 }, 'hours'],
      [{ hours: 24.25 }, 'hours'],
      [{ hours: 1.1 }, 'hours'],
      [{ activity: 'Attività inventata' }, 'activity'],
      [{ axis: 'work' }, 'activity'],
    ] as const) {
      const res = await record(coop, id, overrides);
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM interventions').get()).toEqual({ n: 0 });
  });

  it('refuses interventions while the project was suspended', async () => {
    const { id } = await activeProject(ctx);
    const cm = await ctx.as('cm.navile');
    await cm({ method: 'POST', url: `/api/ptris/${id}/transitions`, payload: { to: 'suspended', reason: 'Ricovero', date: '2025-04-01' } });
    await cm({ method: 'POST', url: `/api/ptris/${id}/transitions`, payload: { to: 'active', date: '2025-05-01' } });
    const coop = await ctx.as('coop.alfa');
    expect((await record(coop, id, { date: '2025-04-15' })).statusCode).toBe(400);
    expect((await record(coop, id, { date: '2025-03-31' })).statusCode).toBe(201);
    expect((await record(coop, id, { date: '2025-05-01' })).statusCode).toBe(201);
  });

  it('answers 404 to a cooperative the project is not assigned to, and 403 to other roles', async () => {
    const { id } = await activeProject(ctx, { cooperatives: ['alfa'] });
    expect((await record(await ctx.as('coop.beta'), id)).statusCode).toBe(404);
    expect((await record(await ctx.as('cm.navile'), id)).statusCode).toBe(403);
  });

  it('refuses a project that is not yet active', async () => {
    const cm = await ctx.as('cm.navile');
    const { id } = await activeProject(ctx);
    const draft = await cm({ method: 'GET', url: `/api/ptris/${id}` });
    expect(draft.json().status).toBe('active');
    const res = await ctx.db.$client.prepare("UPDATE ptris SET status = 'submitted', activated_on = NULL WHERE id = ?").run(id);
    expect(res.changes).toBe(1);
    expect((await record(await ctx.as('coop.alfa'), id)).statusCode).toBe(400);
  });
});

describe('changing and deleting', () => {
  it('moves an edited intervention between months in the summaries and audits the delete with the old values', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    const created = (await record(coop, id)).json();
    const patched = await coop({ method: 'PATCH', url: `/api/interventions/${created.id}`, payload: { date: '2025-04-02', hours: 1 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ month: '2025-04', hours: 1, amount: 26.5 });
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
    expect((await coop({ method: 'DELETE', url: `/api/interventions/${created.id}` })).statusCode).toBe(204);
    expect(storedSummaries(ctx)).toMatchObject({ totals: [], activity: [] });
    const audit = ctx.db.$client.prepare("SELECT changes FROM audit_log WHERE action = 'delete' AND entity = 'intervention'").get() as {
      changes: string;
    };
    expect(JSON.parse(audit.changes).before).toMatchObject({ id: created.id, minutes: 60, date: '2025-04-02' });
  });

  it('checks the activity against the axis the change leaves, and refuses a deactivated one', async () => {
    const { id } = await activeProject(ctx);
    const coop = await ctx.as('coop.alfa');
    const created = (await record(coop, id)).json();
    const url = `/api/interventions/${created.id}`;
    const axisOnly = await coop({ method: 'PATCH', url, payload: { axis: 'work' } });
    expect(axisOnly.statusCode).toBe(400);
    expect(axisOnly.json().errors.map((e: { path: string }) => e.path)).toContain('activity');
    const workActivity = ctx.db.$client.prepare("SELECT label FROM activities WHERE axis = 'work' AND active = 1 ORDER BY id").get() as {
      label: string;
    };
    const both = await coop({ method: 'PATCH', url, payload: { axis: 'work', activity: workActivity.label.toUpperCase() } });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ axis: 'work', activity: workActivity.label.toUpperCase() });
    ctx.db.$client.prepare("UPDATE activities SET active = 0 WHERE axis = 'work' AND label = ?").run(workActivity.label);
    const inactive = await coop({ method: 'PATCH', url, payload: { hours: 2 } });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors.map((e: { path: string }) => e.path)).toContain('activity');
    expect(storedSummaries(ctx)).toEqual(recomputedSummaries(ctx));
  });

  it('lets no other cooperative change or delete it', async () => {
    const { id } = await activeProject(ctx, { cooperatives: ['alfa', 'beta'] });
    const created = (await record(await ctx.as('coop.alfa'), id)).json();
    const beta = await ctx.as('coop.beta');
    expect((await beta({ method: 'PATCH', url: `/api/interventions/${created.id}`, payload: { hours: 1 } })).statusCode).toBe(404);
    expect((await beta({ method: 'DELETE', url: `/api/interventions/${created.id}` })).statusCode).toBe(404);
  });
});

describe('listing', () => {
  it('shows a cooperative only its own interventions, in pages', async () => {
    const { id } = await activeProject(ctx, { cooperatives: ['alfa', 'beta'] });
    const alfa = await ctx.as('coop.alfa');
    const beta = await ctx.as('coop.beta');
    for (const day of ['03', '04', '05']) await record(alfa, id, { date: `2025-03-${day}` });
    await record(beta, id, { date: '2025-03-06' });
    const first = await alfa({ method: 'GET', url: `/api/interventions?ptriId=${id}&limit=2` });
    expect(first.json().items).toHaveLength(2);
    const second = await alfa({ method: 'GET', url: `/api/interventions?ptriId=${id}&limit=2&cursor=${first.json().nextCursor}` });
    expect(second.json().items.map((i: { date: string }) => i.date)).toEqual(['2025-03-05']);
    expect(second.json().nextCursor).toBeNull();
    const all = await (await ctx.as('cm.navile'))({ method: 'GET', url: `/api/interventions?ptriId=${id}` });
    expect(all.json().items).toHaveLength(4);
    const other = await (await ctx.as('cm.budrio'))({ method: 'GET', url: `/api/interventions?ptriId=${id}` });
    expect(other.json().items).toHaveLength(0);
  });
});
