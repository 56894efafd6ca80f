// The outcomes report reads counters kept by the triggers of migration 0150. After any sequence of
// evaluations written, corrected and deleted, submissions, activations and moves of projects to
// another service or lot, goals set, changed and removed, and contacts after closure, the summary
// per project and year equals its recomputation from the raw rows, every counter equals its
// recomputation, and the report equals the definition (`outcomesInYear`) for every filter and
// scope. Dropping any one of the triggers makes the comparison fail.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { clockAt, type OutcomesReport } from '@bds/shared';
import { outcomesInYear } from '@bds/server/figures/definitions.ts';
import { policyOf } from '@bds/server/access/policy.ts';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { activeProject, approvingEvaluation } from './ptri-fixtures.ts';
import { recomputedOutcomeSummaries, storedOutcomeSummaries } from './outcome-summaries.ts';

const YEARS = [2024, 2025, 2026] as const;
const day = fc
  .tuple(fc.constantFrom(...YEARS), fc.noBias(fc.integer({ min: 1, max: 12 })), fc.noBias(fc.integer({ min: 1, max: 28 })))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const living = fc.constantFrom('own_home', 'family', 'residential');
const work = fc.constantFrom('none', 'internship', 'employed');
const honos = fc.noBias(fc.integer({ min: 0, max: 20 }));
const axis = fc.constantFrom('habitat', 'sociality', 'work');
const goalStatus = fc.constantFrom('open', 'achieved', 'partly_achieved', 'not_achieved', 'not_assessed');
// Unbiased: fast-check's small numbers would pick the first project nearly every time.
const pick = fc.noBias(fc.nat({ max: 719 }));

const project = fc.record({
  op: fc.constant('project' as const),
  otherService: fc.boolean(),
  lot2: fc.boolean(),
  created: day,
  submitted: maybe(day),
  activated: maybe(day),
});
const operation = fc.oneof(
  { arbitrary: project, weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('evaluate' as const),
      pick,
      date: day,
      honos: maybe(honos),
      living: maybe(living),
      work: maybe(work),
    }),
    weight: 20,
  },
  {
    arbitrary: fc.record({
      op: fc.constant('correctEvaluation' as const),
      pick,
      date: maybe(day),
      honos: maybe(honos),
      living: maybe(living),
      work: maybe(work),
      project: maybe(pick),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('deleteEvaluation' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('submit' as const), pick, date: day }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('correctSubmission' as const), pick, date: day }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deleteSubmission' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('activate' as const), pick, date: maybe(day) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('move' as const), pick, otherService: fc.boolean(), lot2: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('goal' as const), pick, axis, status: goalStatus }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('changeGoal' as const), pick, axis, status: goalStatus }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('deleteGoal' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('followUp' as const), pick, date: day }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('correctFollowUp' as const), pick, date: day, project: pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('deleteFollowUp' as const), pick }), weight: 1 },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let ctx: TestContext;
let personId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: clockAt('2026-12-31') });
  const res = await (await ctx.as('cm.navile'))({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  expect(res.statusCode, res.body).toBe(201);
  personId = res.json<{ id: number }>().id;
});
afterAll(() => ctx.close());

/** Starts from no project at all (the triggers empty the summaries along with the rows). */
function clear(client: Database.Database) {
  for (const table of ['follow_ups', 'evaluations', 'ptri_transitions', 'goals', 'ptri_revisions', 'ptri_cooperatives', 'ptris'])
    client.exec(`DELETE FROM ${table}`);
}

function apply(client: Database.Database, o: Operation) {
  const { services, lots } = ctx.world;
  const rowOf = (table: string, n: number) => {
    const ids = (client.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    return ids[n % Math.max(ids.length, 1)];
  };
  if (o.op === 'project') {
    const created = `${o.created}T09:00:00.000Z`;
    const { lastInsertRowid } = client
      .prepare(
        `INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'medium', ?, '2027-12-31', ?, ?, ?)`,
      )
      .run(
        personId,
        o.otherService ? services.budrio : services.navile,
        o.lot2 ? lots.lot2 : lots.lot1,
        o.activated ? 'active' : 'draft',
        o.created,
        o.activated,
        created,
        created,
      );
    if (o.submitted)
      client
        .prepare(`INSERT INTO ptri_transitions (ptri_id, from_status, to_status, effective_date) VALUES (?, 'draft', 'submitted', ?)`)
        .run(lastInsertRowid, o.submitted);
    return;
  }
  const ptri = rowOf('ptris', o.pick);
  if (ptri === undefined) return;
  switch (o.op) {
    case 'evaluate':
      client
        .prepare(
          `INSERT INTO evaluations (ptri_id, date, kind, members, outcome, honos_total, living, work) VALUES (?, ?, 'review', '[]', 'approved', ?, ?, ?)`,
        )
        .run(ptri, o.date, o.honos, o.living, o.work);
      return;
    case 'correctEvaluation': {
      const id = rowOf('evaluations', o.pick);
      if (id === undefined) return;
      const project = o.project === null ? null : rowOf('ptris', o.project);
      client
        .prepare(
          `UPDATE evaluations SET date = COALESCE(?, date), honos_total = ?, living = ?, work = ?, ptri_id = COALESCE(?, ptri_id) WHERE id = ?`,
        )
        .run(o.date, o.honos, o.living, o.work, project, id);
      return;
    }
    case 'deleteEvaluation':
      client.prepare('DELETE FROM evaluations WHERE id = ?').run(rowOf('evaluations', o.pick) ?? 0);
      return;
    case 'submit':
      client
        .prepare(`INSERT INTO ptri_transitions (ptri_id, from_status, to_status, effective_date) VALUES (?, 'draft', 'submitted', ?)`)
        .run(ptri, o.date);
      return;
    case 'correctSubmission':
      client.prepare('UPDATE ptri_transitions SET effective_date = ? WHERE id = ?').run(o.date, rowOf('ptri_transitions', o.pick) ?? 0);
      return;
    case 'deleteSubmission':
      client.prepare('DELETE FROM ptri_transitions WHERE id = ?').run(rowOf('ptri_transitions', o.pick) ?? 0);
      return;
    case 'activate':
      client.prepare('UPDATE ptris SET activated_on = ?, status = ? WHERE id = ?').run(o.date, o.date ? 'active' : 'submitted', ptri);
      return;
    case 'move':
      client
        .prepare('UPDATE ptris SET service_id = ?, lot_id = ? WHERE id = ?')
        .run(o.otherService ? services.budrio : services.navile, o.lot2 ? lots.lot2 : lots.lot1, ptri);
      return;
    case 'goal':
      client
        .prepare(`INSERT INTO goals (ptri_id, axis, description, status, position) VALUES (?, ?, 'Obiettivo', ?, 0)`)
        .run(ptri, o.axis, o.status);
      return;
    case 'changeGoal':
      client.prepare('UPDATE goals SET axis = ?, status = ? WHERE id = ?').run(o.axis, o.status, rowOf('goals', o.pick) ?? 0);
      return;
    case 'deleteGoal':
      client.prepare('DELETE FROM goals WHERE id = ?').run(rowOf('goals', o.pick) ?? 0);
      return;
    case 'followUp':
      client.prepare(`INSERT INTO follow_ups (ptri_id, date, living, work) VALUES (?, ?, 'own_home', 'none')`).run(ptri, o.date);
      return;
    case 'correctFollowUp':
      client
        .prepare('UPDATE follow_ups SET date = ?, ptri_id = ? WHERE id = ?')
        .run(o.date, rowOf('ptris', o.project), rowOf('follow_ups', o.pick) ?? 0);
      return;
    case 'deleteFollowUp':
      client.prepare('DELETE FROM follow_ups WHERE id = ?').run(rowOf('follow_ups', o.pick) ?? 0);
      return;
  }
}

async function expectReportsEqualDefinition(ctx: TestContext) {
  const { services } = ctx.world;
  const manager = await ctx.as('manager');
  const caseManager = await ctx.as('cm.navile');
  const cmUser = ctx.db.$client.prepare(`SELECT id, service_id AS serviceId FROM users WHERE username = 'cm.navile'`).get() as {
    id: number;
    serviceId: number;
  };
  const cmScope = policyOf({
    id: cmUser.id,
    username: 'cm.navile',
    displayName: 'cm.navile',
    role: 'case_manager',
    serviceId: cmUser.serviceId,
    districtId: null,
    cooperativeId: null,
    mustChangePassword: false,
    sessionId: 'test',
  }).ptris;
  const cases = [
    { caller: manager, query: '', filter: { visible: undefined, serviceId: undefined, lot: undefined } },
    { caller: manager, query: `&serviceId=${services.budrio}`, filter: { visible: undefined, serviceId: services.budrio, lot: undefined } },
    { caller: manager, query: '&lot=2', filter: { visible: undefined, serviceId: undefined, lot: 2 } },
    { caller: caseManager, query: '&lot=1', filter: { visible: cmScope, serviceId: undefined, lot: 1 } },
  ];
  for (const year of YEARS)
    for (const { caller, query, filter } of cases) {
      const res = await caller({ method: 'GET', url: `/api/reports/outcomes?year=${year}${query}` });
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json<OutcomesReport>();
      const expected = new Map(outcomesInYear(ctx.db, year, filter).map((row) => [row.serviceId, row]));
      expect(report.rows.map(({ serviceName: _name, ...row }) => row)).toEqual(report.rows.map((row) => expected.get(row.serviceId)));
      expect(report.rows.length).toBe(expected.size);
    }
}

describe('the outcomes summaries', () => {
  it('equal their recomputation, and the report its definition, after any sequence of writes', async () => {
    const client = ctx.db.$client;
    await fc.assert(
      fc.asyncProperty(
        fc.array(project, { minLength: 3, maxLength: 6 }),
        fc.array(operation, { minLength: 10, maxLength: 80 }),
        async (projects, ops) => {
          clear(client);
          for (const o of [...projects, ...ops]) apply(client, o);
          expect(storedOutcomeSummaries(client)).toEqual(recomputedOutcomeSummaries(client));
          await expectReportsEqualDefinition(ctx);
        },
      ),
      { numRuns: 40 },
    );
  }, 240_000);

  it('hold after evaluations, reviews with goal outcomes, a closure and a contact made through the API', async () => {
    // Its own database: the API writes rows (budget lines, signatures) that `clear` does not know.
    const ctx = await createTestContext({ clock: clockAt('2026-12-31') });
    const client = ctx.db.$client;
    const uvm = await ctx.as('uvm.bologna');
    const { ptri } = await activeProject(ctx);
    const evaluate = (body: object) => uvm({ method: 'POST', url: `/api/ptris/${ptri.id}/evaluations`, payload: body });
    const base = { members: approvingEvaluation.members, outcome: 'approved' };
    const review = await evaluate({
      ...base,
      date: '2025-06-10',
      kind: 'review',
      living: 'family',
      work: 'none',
      scores: { honos: Array(12).fill(2) },
    });
    expect(review.statusCode, review.body).toBe(201);
    const final = await evaluate({
      ...base,
      date: '2025-11-10',
      kind: 'final',
      living: 'own_home',
      work: 'internship',
      scores: { honos: Array(12).fill(1) },
      goalOutcomes: { habitat: 'achieved', sociality: 'not_achieved', work: 'partly_achieved' },
    });
    expect(final.statusCode, final.body).toBe(201);
    const contact = await (
      await ctx.as('cm.navile')
    )({ method: 'POST', url: `/api/ptris/${ptri.id}/follow-ups`, payload: { date: '2025-12-01', living: 'own_home', work: 'employed' } });
    expect(contact.statusCode, contact.body).toBe(201);
    expect(storedOutcomeSummaries(client)).toEqual(recomputedOutcomeSummaries(client));
    expect(storedOutcomeSummaries(client).counts.length).toBeGreaterThan(5);
    await expectReportsEqualDefinition(ctx);
    await ctx.close();
  });
});

/** A state in which each trigger's own write changes what it keeps: two projects with the same moves. */
function baseState(client: Database.Database) {
  const first = { op: 'project', otherService: false, lot2: false, created: '2024-11-02', submitted: null, activated: null } as const;
  apply(client, first);
  apply(client, { ...first, created: '2024-12-01' });
  for (const p of [0, 1]) {
    apply(client, { op: 'submit', pick: p, date: '2024-12-20' });
    apply(client, { op: 'activate', pick: p, date: '2025-01-15' });
    apply(client, { op: 'evaluate', pick: p, date: `2025-0${p + 2}-10`, honos: 20, living: 'residential', work: 'none' });
    apply(client, { op: 'evaluate', pick: p, date: '2025-09-10', honos: 12, living: 'family', work: 'internship' });
    apply(client, { op: 'goal', pick: p, axis: 'habitat', status: 'open' });
    apply(client, { op: 'followUp', pick: p, date: '2025-10-01' });
  }
}

/** Each trigger, and a write that it alone keeps in step. */
const TRIGGER_WRITES: Record<string, Operation> = {
  ptri_outcome_year_added: { op: 'evaluate', pick: 0, date: '2026-03-01', honos: 10, living: 'family', work: 'none' },
  ptri_outcome_year_removing: { op: 'deleteEvaluation', pick: 0 },
  ptri_outcome_year_removed: {
    op: 'correctEvaluation',
    pick: 1,
    date: null,
    honos: 12,
    living: 'own_home',
    work: 'internship',
    project: null,
  },
  outcome_evaluation_added: { op: 'evaluate', pick: 0, date: '2025-10-01', honos: 30, living: null, work: null },
  outcome_evaluation_changed: {
    op: 'correctEvaluation',
    pick: 0,
    date: null,
    honos: 5,
    living: 'residential',
    work: 'none',
    project: null,
  },
  outcome_evaluation_removed: { op: 'deleteEvaluation', pick: 1 },
  outcome_ptri_changed: { op: 'activate', pick: 0, date: '2025-02-01' },
  outcome_ptri_follow_ups_moved: { op: 'move', pick: 0, otherService: true, lot2: false },
  outcome_submission_added: { op: 'submit', pick: 0, date: '2025-01-02' },
  outcome_submission_changed: { op: 'correctSubmission', pick: 0, date: '2025-01-03' },
  outcome_submission_removed: { op: 'deleteSubmission', pick: 0 },
  outcome_goal_added: { op: 'goal', pick: 0, axis: 'work', status: 'achieved' },
  outcome_goal_changed: { op: 'changeGoal', pick: 0, axis: 'habitat', status: 'achieved' },
  outcome_goal_removed: { op: 'deleteGoal', pick: 0 },
  outcome_follow_up_added: { op: 'followUp', pick: 0, date: '2025-11-01' },
  outcome_follow_up_changed: { op: 'correctFollowUp', pick: 0, date: '2026-01-10', project: 0 },
  outcome_follow_up_removed: { op: 'deleteFollowUp', pick: 0 },
};

describe('each trigger of the outcomes summaries', () => {
  it('is named here, with a write that only it keeps in step', () => {
    const names = ctx.db.$client
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name IN ('ptri_outcome_years', 'follow_ups') OR name LIKE 'outcome\\_%' ESCAPE '\\') ORDER BY name`,
      )
      .all() as { name: string }[];
    expect(names.map((n) => n.name)).toEqual(Object.keys(TRIGGER_WRITES).sort());
  });

  it.each(Object.entries(TRIGGER_WRITES))('%s: dropped, its write leaves the summaries wrong; kept, right', (trigger, write) => {
    const client = ctx.db.$client;
    clear(client);
    baseState(client);
    expect(storedOutcomeSummaries(client)).toEqual(recomputedOutcomeSummaries(client));
    client.exec('SAVEPOINT without_trigger');
    try {
      client.exec(`DROP TRIGGER ${trigger}`);
      apply(client, write);
      expect(storedOutcomeSummaries(client)).not.toEqual(recomputedOutcomeSummaries(client));
    } finally {
      client.exec('ROLLBACK TO without_trigger');
      client.exec('RELEASE without_trigger');
    }
    apply(client, write);
    expect(storedOutcomeSummaries(client)).toEqual(recomputedOutcomeSummaries(client));
  });
});
