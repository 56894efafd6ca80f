import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt } from '@bds/shared';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { activeProject, member } from './work-helpers.ts';
import { signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt('2025-12-31') });
});
afterEach(() => ctx.close());

const honos = [1, 2, 0, 9, 3, 0, 1, 2, 0, 1, 4, 2];

/** A project written, sent to the UVM and signed on 20 December 2024, the day the tests evaluate it. */
async function submittedProject() {
  const cm = await ctx.as('cm.navile');
  const person = (await cm({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) })).json();
  return ctx.clock.during('2024-12-20', async () => {
    const ptri = (
      await cm({
        method: 'POST',
        url: '/api/ptris',
        payload: {
          personId: person.id,
          serviceId: ctx.world.services.navile,
          lotId: ctx.world.lots.lot1,
          startDate: '2025-01-01',
          endDate: '2025-12-31',
          intensity: 'low',
          cooperativeIds: [ctx.world.coops.alfa],
          goals: [
            { axis: 'habitat', description: 'Casa' },
            { axis: 'work', description: 'Lavoro' },
          ],
        },
      })
    ).json();
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted' } });
    await signByPerson(cm, ptri.id, 'person', '2024-12-20');
    return ptri.id as number;
  });
}

const evaluate = async (id: number, payload: Record<string, unknown>) =>
  (await ctx.as('uvm.bologna'))({ method: 'POST', url: `/api/ptris/${id}/evaluations`, payload: { members: [member], ...payload } });
const project = async (id: number) => (await (await ctx.as('cm.navile'))({ method: 'GET', url: `/api/ptris/${id}` })).json();

describe('scales as data', () => {
  it('has HoNOS built in with neutral labels, and item 8 with problem types A–J', async () => {
    const res = await (await ctx.as('uvm.bologna'))({ method: 'GET', url: '/api/scales' });
    const scale = res.json().find((s: { code: string }) => s.code === 'honos');
    expect(scale.items).toHaveLength(12);
    expect(scale.items[7].problemTypes).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(
      scale.items.every((item: { min: number; max: number; notKnown: number }) => item.min === 0 && item.max === 4 && item.notKnown === 9),
    ).toBe(true);
  });

  it('computes totals and the change since the previous evaluation on the server, for a scale the admin added', async () => {
    const admin = await ctx.as('admin');
    const psp = await admin({
      method: 'POST',
      url: '/api/scales',
      payload: {
        code: 'psp',
        name: 'PSP',
        items: [{ label: 'Funzionamento', min: 1, max: 100 }],
        total: { kind: 'sum' },
        higherIsBetter: true,
      },
    });
    expect(psp.statusCode, psp.body).toBe(201);
    expect((await (await ctx.as('uvm.bologna'))({ method: 'POST', url: '/api/scales', payload: {} })).statusCode).toBe(403);
    const id = await submittedProject();
    const first = await evaluate(id, {
      date: '2024-12-20',
      kind: 'initial',
      outcome: 'approved',
      scores: { honos, psp: [45] },
      problemTypes: { honos: { '8': 'F' } },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().honosTotal).toBe(16);
    expect(first.json().scaleResults).toEqual([
      expect.objectContaining({ scale: 'honos', total: 16, previousTotal: null, change: null, problemTypes: { '8': 'F' } }),
      expect.objectContaining({ scale: 'psp', total: 45, previousTotal: null }),
    ]);
    const second = await evaluate(id, {
      date: '2025-06-20',
      kind: 'review',
      outcome: 'approved',
      scores: { honos: honos.map((v) => (v === 9 ? 9 : Math.max(0, v - 1))), psp: [60] },
    });
    expect(second.json().scaleResults).toEqual([
      expect.objectContaining({ scale: 'honos', total: 8, previousTotal: 16, change: -8, higherIsBetter: false }),
      expect.objectContaining({ scale: 'psp', total: 60, previousTotal: 45, change: 15, higherIsBetter: true }),
    ]);
  });

  it('refuses scores outside a scale definition, naming the field', async () => {
    const id = await submittedProject();
    const unknown = await evaluate(id, { date: '2024-12-20', kind: 'initial', outcome: 'approved', scores: { cansas: [1, 2] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('scores.cansas');
    const badType = await evaluate(id, {
      date: '2024-12-20',
      kind: 'initial',
      outcome: 'approved',
      scores: { honos },
      problemTypes: { honos: { '3': 'A' } },
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().errors[0].path).toBe('problemTypes.honos.3');
    expect((await project(id)).status).toBe('submitted');
  });

  it('lets the admin relabel items but never change their number', async () => {
    const admin = await ctx.as('admin');
    const scale = (await admin({ method: 'GET', url: '/api/scales' })).json()[0];
    const labels = scale.items.map((_: unknown, i: number) => `Item ${i + 1}`);
    expect((await admin({ method: 'PATCH', url: `/api/scales/${scale.id}`, payload: { itemLabels: labels } })).json().items[0].label).toBe(
      'Item 1',
    );
    expect((await admin({ method: 'PATCH', url: `/api/scales/${scale.id}`, payload: { itemLabels: ['uno'] } })).statusCode).toBe(400);
  });
});

describe('lifecycle moves caused by evaluations', () => {
  it('activates on approval, rejects on not approved', async () => {
    const approved = await submittedProject();
    await evaluate(approved, { date: '2024-12-20', kind: 'initial', outcome: 'approved' });
    expect(await project(approved)).toMatchObject({ status: 'active', activatedOn: '2025-01-01', nextReviewDate: '2025-06-20' });
    const rejected = await submittedProject();
    await evaluate(rejected, { date: '2024-12-20', kind: 'initial', outcome: 'not_approved' });
    expect((await project(rejected)).status).toBe('rejected');
  });

  it('records "approved with changes" as a new revision of the project', async () => {
    const id = await submittedProject();
    const res = await evaluate(id, {
      date: '2024-12-20',
      kind: 'initial',
      outcome: 'approved_with_changes',
      changes: { intensity: 'high', goals: [{ axis: 'sociality', description: 'Gruppo del giovedì' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await project(id);
    expect(detail).toMatchObject({ status: 'active', intensity: 'high' });
    expect(detail.goals.map((g: { axis: string }) => g.axis)).toEqual(['sociality']);
    const history = (await (await ctx.as('cm.navile'))({ method: 'GET', url: `/api/ptris/${id}/history` })).json();
    const revision = history.filter((h: { kind: string }) => h.kind === 'revision').at(-1);
    expect(revision.reason).toBe('Valutazione UVM del 20/12/2024: approvato con modifiche');
    const activation = history.filter((h: { kind: string }) => h.kind === 'transition').at(-1);
    expect(activation).toMatchObject({ to: 'active', reason: 'Valutazione UVM iniziale: approvato con modifiche' });
    expect(Object.keys(revision.changes)).toEqual(expect.arrayContaining(['intensity', 'goals']));
    const misplaced = await evaluate(await submittedProject(), {
      date: '2024-12-20',
      kind: 'initial',
      outcome: 'approved',
      changes: { intensity: 'high' },
    });
    expect(misplaced.statusCode).toBe(400);
  });

  it('closes the project on a final evaluation with an outcome per axis on its goals', async () => {
    const { id } = await activeProject(ctx);
    const missing = await evaluate(id, { date: '2025-12-15', kind: 'final', outcome: 'approved', goalOutcomes: { habitat: 'achieved' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ path: 'goalOutcomes.work' })]);
    expect((await project(id)).status).toBe('active');
    const res = await evaluate(id, {
      date: '2025-12-15',
      kind: 'final',
      outcome: 'approved',
      goalOutcomes: { habitat: 'achieved', work: 'partly_achieved' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await project(id);
    expect(detail).toMatchObject({ status: 'closed', endedOn: '2025-12-15', nextReviewDate: null });
    expect(Object.fromEntries(detail.goals.map((g: { axis: string; status: string }) => [g.axis, g.status]))).toEqual({
      habitat: 'achieved',
      work: 'partly_achieved',
    });
  });
});
