// The content of a project across revisions: the seven budget sources, goals and budget lines
// that keep their id, and the content revision that only a change of content moves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUDGET_SOURCES, BUDGET_SOURCE_LABELS } from '@bds/shared';
import { createTestContext, SUBMITTED_ON, type Caller, type TestContext } from './helpers.ts';
import { draftProject } from './ptri-fixtures.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

interface Line {
  id: number;
  axis: string;
  source: string;
  description: string;
  hours: number | null;
  amount: number | null;
}
interface Goal {
  id: number;
  axis: string;
  description: string;
}
interface Detail {
  id: number;
  version: number;
  revision: number;
  status: string;
  goals: Goal[];
  budgetLines: Line[];
}

const read = async (cm: Caller, id: number) => (await cm({ method: 'GET', url: `/api/ptris/${id}` })).json<Detail>();
const patch = (cm: Caller, id: number, payload: Record<string, unknown>) => cm({ method: 'PATCH', url: `/api/ptris/${id}`, payload });

describe('budget sources', () => {
  it('accepts each of the seven sources, each with an Italian label', async () => {
    expect(BUDGET_SOURCES).toEqual(['person', 'family', 'ausl', 'social_services', 'other_public', 'private', 'community']);
    expect(Object.keys(BUDGET_SOURCE_LABELS)).toEqual([...BUDGET_SOURCES]);
    const lines = BUDGET_SOURCES.map((source, i) => ({ source, description: `Risorsa ${source}`, amount: 100 + i }));
    const { ptri } = await draftProject(ctx, { budget: { habitat: lines } });
    const detail = ptri as unknown as Detail;
    expect(detail.budgetLines.map((line) => line.source)).toEqual([...BUDGET_SOURCES]);
  });

  it('refuses an unknown source, naming the field', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const res = await patch(cm, ptri.id, { version: 1, budget: { work: [{ source: 'lottery', description: 'x', amount: 1 }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('budget.work');
  });
});

describe('goals and budget lines keep their id', () => {
  it('updates the lines it names in place, adds those without id and removes the others of the axes named', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const before = await read(cm, ptri.id);
    const habitat = before.budgetLines.find((line) => line.axis === 'habitat')!;
    const work = before.budgetLines.find((line) => line.axis === 'work')!;
    const sociality = before.budgetLines.find((line) => line.axis === 'sociality')!;
    const res = await patch(cm, ptri.id, {
      version: before.version,
      budget: {
        habitat: [
          { id: habitat.id, source: 'social_services', description: 'Contributo affitto del Comune', amount: 1500 },
          { source: 'family', description: 'La sorella paga le bollette', amount: 600 },
        ],
        work: [],
      },
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<Detail>();
    const kept = after.budgetLines.find((line) => line.id === habitat.id);
    expect(kept).toMatchObject({ axis: 'habitat', description: 'Contributo affitto del Comune', amount: 1500 });
    expect(after.budgetLines.find((line) => line.id === sociality.id)).toEqual(sociality);
    expect(after.budgetLines.some((line) => line.id === work.id)).toBe(false);
    const added = after.budgetLines.find((line) => line.source === 'family')!;
    expect(added.id).toBeGreaterThan(Math.max(...before.budgetLines.map((line) => line.id)));
    expect(after.budgetLines.map((line) => line.id)).toEqual([sociality.id, habitat.id, added.id]);
  });

  it('keeps the ids of the goals an edit names, across saves', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const before = await read(cm, ptri.id);
    const [first, second] = before.goals;
    const res = await patch(cm, ptri.id, {
      version: before.version,
      goals: [
        { id: second!.id, axis: 'work', description: 'Tirocinio in una falegnameria' },
        { axis: 'sociality', description: 'Corso di teatro' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<Detail>();
    expect(after.goals[0]).toMatchObject({ id: second!.id, description: 'Tirocinio in una falegnameria' });
    expect(after.goals.map((goal) => goal.id)).not.toContain(first!.id);
    const again = await patch(cm, ptri.id, {
      version: after.version,
      goals: after.goals.map(({ id, axis, description }) => ({ id, axis, description })),
    });
    expect(again.json<Detail>().goals.map((goal) => goal.id)).toEqual(after.goals.map((goal) => goal.id));
  });

  it("refuses an id that is not one of the project's, naming the field and changing nothing", async () => {
    const mine = await draftProject(ctx);
    const other = await draftProject(ctx);
    const foreign = (await read(other.cm, other.ptri.id)).budgetLines[0]!;
    const foreignGoal = (await read(other.cm, other.ptri.id)).goals[0]!;
    const before = await read(mine.cm, mine.ptri.id);
    const line = await patch(mine.cm, mine.ptri.id, {
      version: before.version,
      budget: { habitat: [{ id: foreign.id, source: 'ausl', description: 'x', amount: 1 }] },
    });
    expect(line.statusCode).toBe(400);
    expect(line.json().errors[0].path).toBe('budget.habitat.0.id');
    const goal = await patch(mine.cm, mine.ptri.id, {
      version: before.version,
      goals: [{ id: foreignGoal.id, axis: 'work', description: 'x' }],
    });
    expect(goal.statusCode).toBe(400);
    expect(goal.json().errors[0].path).toBe('goals.0.id');
    const twice = await patch(mine.cm, mine.ptri.id, {
      version: before.version,
      goals: [
        { id: before.goals[0]!.id, axis: 'work', description: 'x' },
        { id: before.goals[0]!.id, axis: 'work', description: 'y' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe('goals.1.id');
    expect(await read(mine.cm, mine.ptri.id)).toEqual(before);
    expect(await read(other.cm, other.ptri.id)).toMatchObject({ budgetLines: expect.arrayContaining([foreign]) });
  });

  it('refuses ids on a new project', async () => {
    const cm = await ctx.as('cm.navile');
    const { ptri } = await draftProject(ctx);
    const existing = (await read(cm, ptri.id)).goals[0]!;
    const res = await draftProject(ctx, { goals: [{ id: existing.id, axis: 'work', description: 'x' }] }).catch((error: Error) => error);
    expect(String(res)).toContain('400');
    expect(String(res)).toContain('goals.0.id');
  });
});

describe('the content revision', () => {
  it('moves with the content, not with lifecycle moves nor with the case manager, unlike the version', async () => {
    const { cm, ptri } = await draftProject(ctx);
    let detail = await read(cm, ptri.id);
    expect(detail).toMatchObject({ version: 1, revision: 1 });

    const sameContent = await patch(cm, ptri.id, {
      version: 1,
      goals: detail.goals.map(({ id, axis, description }) => ({ id, axis, description, targetDate: null })),
    });
    expect(sameContent.statusCode).toBe(200);
    // The first goal had a target date: clearing it is a change of content.
    expect(sameContent.json()).toMatchObject({ version: 2, revision: 2 });

    detail = await read(cm, ptri.id);
    const unchanged = await patch(cm, ptri.id, {
      version: detail.version,
      goals: detail.goals.map(({ id, axis, description }) => ({ id, axis, description, targetDate: null })),
      reason: 'Nessuna modifica',
    });
    expect(unchanged.json()).toMatchObject({ version: 3, revision: 2 });

    const submitted = await cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: { to: 'submitted', date: SUBMITTED_ON },
    });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 4, revision: 2 });
    const returned = await cm({
      method: 'POST',
      url: `/api/ptris/${ptri.id}/transitions`,
      payload: { to: 'draft', reason: 'Da rivedere' },
    });
    expect(returned.json()).toMatchObject({ status: 'draft', version: 5, revision: 2 });

    const changed = await patch(cm, ptri.id, { version: 5, intensity: 'low' });
    expect(changed.json()).toMatchObject({ version: 6, revision: 3 });

    const revisions = ctx.db.$client
      .prepare('SELECT version, revision FROM ptri_revisions WHERE ptri_id = ? ORDER BY version')
      .all(ptri.id) as { version: number; revision: number }[];
    expect(revisions).toEqual([
      { version: 1, revision: 1 },
      { version: 2, revision: 2 },
      { version: 3, revision: 2 },
      { version: 6, revision: 3 },
    ]);
  });

  it('keeps the ids of goals and lines in each saved snapshot', async () => {
    const { cm, ptri } = await draftProject(ctx);
    const detail = await read(cm, ptri.id);
    const snapshot = JSON.parse(
      (ctx.db.$client.prepare('SELECT snapshot FROM ptri_revisions WHERE ptri_id = ? AND version = 1').get(ptri.id) as { snapshot: string })
        .snapshot,
    ) as { goals: { id: number }[]; budgetLines: { id: number }[] };
    expect(snapshot.goals.map((goal) => goal.id)).toEqual(detail.goals.map((goal) => goal.id));
    expect(snapshot.budgetLines.map((line) => line.id)).toEqual(detail.budgetLines.map((line) => line.id));
  });
});
