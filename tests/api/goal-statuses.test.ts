// Issue 19: a review sets how far each goal got, by the goal's stable id; the outcomes report
// counts what it set. Only goals of the project evaluated, and not at an initial evaluation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clockAt, type OutcomesReport } from '@bds/shared';
import { createTestContext, type Caller, type TestContext } from './helpers.ts';
import { expectRefusal } from './expect-refusal.ts';
import { activeProject, approvingEvaluation, draftProject, signByPerson } from './ptri-fixtures.ts';

let ctx: TestContext;
let uvm: Caller;
beforeEach(async () => {
  ctx = await createTestContext({ clock: clockAt('2025-07-15') });
  uvm = await ctx.as('uvm.bologna');
});
afterEach(() => ctx.close());

interface Goal {
  id: number;
  axis: 'habitat' | 'sociality' | 'work';
  status: string;
}

const goalsOf = async (id: number): Promise<Goal[]> =>
  (await (await ctx.as('cm.navile'))({ method: 'GET', url: `/api/ptris/${id}` })).json<{ goals: Goal[] }>().goals;

const evaluate = (id: number, body: object) =>
  uvm({
    method: 'POST',
    url: `/api/ptris/${id}/evaluations`,
    payload: { date: '2025-07-10', kind: 'review', members: approvingEvaluation.members, outcome: 'approved', ...body },
  });

const count = (table: string) => (ctx.db.$client.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('goal statuses at a review', () => {
  it('sets each goal named by id, logs the change, and the outcomes report counts it', async () => {
    const { ptri } = await activeProject(ctx);
    const [habitat, work] = await goalsOf(ptri.id);
    const res = await evaluate(ptri.id, {
      goals: [
        { id: habitat!.id, status: 'achieved' },
        { id: work!.id, status: 'partly_achieved' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await goalsOf(ptri.id)).map((g) => g.status)).toEqual(['achieved', 'partly_achieved']);
    const logged = ctx.db.$client.prepare("SELECT changes FROM audit_log WHERE entity = 'evaluation' ORDER BY id DESC LIMIT 1").get() as {
      changes: string;
    };
    expect(JSON.parse(logged.changes)).toMatchObject({
      goals: [
        { id: habitat!.id, before: 'open', after: 'achieved' },
        { id: work!.id, before: 'open', after: 'partly_achieved' },
      ],
    });
    const report = (await (await ctx.as('manager'))({ method: 'GET', url: '/api/reports/outcomes?year=2025' })).json<OutcomesReport>();
    expect(report.rows[0]!.goals.habitat).toMatchObject({ achieved: 1, open: 0 });
    expect(report.rows[0]!.goals.work).toMatchObject({ partlyAchieved: 1, open: 0 });
  });

  it('puts a goal back to open when the UVM finds it so', async () => {
    const { ptri } = await activeProject(ctx);
    const [habitat] = await goalsOf(ptri.id);
    expect((await evaluate(ptri.id, { goals: [{ id: habitat!.id, status: 'not_achieved' }] })).statusCode).toBe(201);
    expect((await evaluate(ptri.id, { date: '2025-07-12', goals: [{ id: habitat!.id, status: 'open' }] })).statusCode).toBe(201);
    expect((await goalsOf(ptri.id))[0]!.status).toBe('open');
  });

  it('refuses a goal of another project, an unknown id or a repeated one with 400 naming it, and changes nothing', async () => {
    const { ptri } = await activeProject(ctx);
    const other = await activeProject(ctx);
    const [foreign] = await goalsOf(other.ptri.id);
    const [mine] = await goalsOf(ptri.id);
    const before = count('evaluations');
    const refused = await evaluate(ptri.id, { goals: [{ id: foreign!.id, status: 'achieved' }] });
    expect(expectRefusal(refused, 400, ['goals.0.id']).errors[0]!.message).toContain('non è un obiettivo di questo progetto');
    expectRefusal(
      await evaluate(ptri.id, {
        goals: [
          { id: mine!.id, status: 'achieved' },
          { id: 999_999, status: 'achieved' },
        ],
      }),
      400,
      ['goals.1.id'],
    );
    expectRefusal(
      await evaluate(ptri.id, {
        goals: [
          { id: mine!.id, status: 'achieved' },
          { id: mine!.id, status: 'open' },
        ],
      }),
      400,
      ['goals.1'],
    );
    expectRefusal(await evaluate(ptri.id, { goals: [{ id: mine!.id, status: 'done' }] }), 400, ['goals.0.status']);
    expect(count('evaluations')).toBe(before);
    expect((await goalsOf(ptri.id)).map((g) => g.status)).toEqual(['open', 'open']);
    expect((await goalsOf(other.ptri.id)).map((g) => g.status)).toEqual(['open', 'open']);
  });

  it('refuses goal statuses at an initial evaluation, before the project is in care', async () => {
    const { cm, ptri } = await draftProject(ctx);
    await cm({ method: 'POST', url: `/api/ptris/${ptri.id}/transitions`, payload: { to: 'submitted', date: '2025-01-02' } });
    await signByPerson(cm, ptri.id);
    const [habitat] = await goalsOf(ptri.id);
    const res = await evaluate(ptri.id, { kind: 'initial', goals: [{ id: habitat!.id, status: 'achieved' }] });
    expectRefusal(res, 400, ['goals']);
    expect(count('evaluations')).toBe(0);
  });

  it('at a final evaluation, closes with the axis outcome only the goals it did not set by id', async () => {
    const { ptri } = await activeProject(ctx);
    const [habitat, work] = await goalsOf(ptri.id);
    const res = await evaluate(ptri.id, {
      kind: 'final',
      goals: [{ id: habitat!.id, status: 'not_achieved' }],
      goalOutcomes: { work: 'achieved' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const statuses = new Map((await goalsOf(ptri.id)).map((g) => [g.id, g.status]));
    expect(statuses.get(habitat!.id)).toBe('not_achieved');
    expect(statuses.get(work!.id)).toBe('achieved');
  });
});
