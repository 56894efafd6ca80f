// A project's page read in one statement (its contents as JSON arrays) holds what the per-table
// queries read: the person's name, the cooperatives, the goals and budget lines in their order,
// the evaluations by date, text that needs escaping and values left empty included.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@bds/db';
import * as q from '@bds/server/ptri/queries.ts';
import { toBudgetLine } from '@bds/server/ptri/content.ts';
import { createTestContext, type TestContext } from '../api/helpers.ts';
import { activeProject, draftProject } from '../api/ptri-fixtures.ts';

/** The page as the per-table queries give it, each in its own statement. */
function fromTables(ctx: TestContext, id: number) {
  const row = ctx.db.select().from(schema.ptris).where(eq(schema.ptris.id, id)).get()!;
  const person = ctx.db.select().from(schema.persons).where(eq(schema.persons.id, row.personId)).get()!;
  return {
    personName: `${person.familyName} ${person.givenName}`,
    cooperativeIds: q.cooperativesOf(ctx.db, id),
    goals: q.goalsOf(ctx.db, id).map(({ id, axis, description, targetDate, status }) => ({ id, axis, description, targetDate, status })),
    budgetLines: q.budgetLinesOf(ctx.db, id).map((line) => toBudgetLine(line)),
    evaluations: q
      .evaluationsOf(ctx.db, id)
      .map(({ id, date, kind, outcome, nextReviewDate }) => ({ id, date, kind, outcome, nextReviewDate })),
  };
}

describe('a project read in one statement', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('shows what the per-table queries read', async () => {
    ctx = await createTestContext();
    const tricky = 'Casa "Il Faro" \\ via Nguyễn 😀';
    const { ptri: active, cm } = await activeProject(ctx);
    const { ptri: draft } = await draftProject(ctx, {
      cooperativeIds: [ctx.world.coops.beta, ctx.world.coops.alfa],
      goals: [
        { axis: 'work', description: tricky, targetDate: '2025-03-31' },
        { axis: 'habitat', description: 'Secondo obiettivo' },
        { axis: 'sociality', description: 'Terzo' },
      ],
      budget: {
        habitat: [
          { source: 'ausl', description: tricky, hours: 1.25 },
          { source: 'person', description: 'Affitto', amount: 333.33 },
        ],
        sociality: [{ source: 'community', description: 'Volontari', hours: 0.5 }],
        work: 0.1,
      },
    });
    // Positions that differ from the order of the rows' ids.
    const goalIds = ctx.db
      .select({ id: schema.goals.id })
      .from(schema.goals)
      .where(eq(schema.goals.ptriId, draft.id))
      .all()
      .map((g) => g.id);
    ctx.db.update(schema.goals).set({ position: 10 }).where(eq(schema.goals.id, goalIds[0]!)).run();

    for (const id of [active.id, draft.id]) {
      const res = await cm({ method: 'GET', url: `/api/ptris/${id}` });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      const expected = fromTables(ctx, id);
      expect({
        personName: page.personName,
        cooperativeIds: page.cooperativeIds,
        goals: page.goals,
        budgetLines: page.budgetLines,
        evaluations: page.evaluations,
      }).toStrictEqual(expected);
    }
    const draftPage = (await cm({ method: 'GET', url: `/api/ptris/${draft.id}` })).json();
    expect(draftPage.goals.map((g: { description: string }) => g.description)).toEqual(['Secondo obiettivo', 'Terzo', tricky]);
    expect(draftPage.budgetLines.map((l: { hours: number | null }) => l.hours)).toEqual([1.25, null, 0.5, null]);
    expect(draftPage.budget).toEqual({ habitat: 333.33, sociality: 0, work: 0.1 });
    expect(draftPage.evaluations).toEqual([]);
    const activePage = (await cm({ method: 'GET', url: `/api/ptris/${active.id}` })).json();
    expect(activePage.evaluations).toHaveLength(1);
  });
});
