// The budget composition is read from budget_composition_changes, kept by the triggers of
// migration 0160 on ptris and budget_lines. After any sequence of project periods, services and
// budget lines written, changed and deleted directly (across year ends, with projects activated
// after today and closed before their activation), the report's reading equals the figure's
// definition over the raw rows for every year and filter, and the stored rows equal their
// recomputation. Each trigger is needed: with any one of them dropped, some sequence breaks it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositionOf } from '@bds/server/budget-composition/queries.ts';
import { budgetCompositionOf, daysThroughToday } from '@bds/server/figures/definitions.ts';
import { clockAt } from '@bds/shared';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { afterAnyWrites, dayWithin, expectEachTriggerNeeded, rowWriter } from './summary-triggers.ts';
import { recomputedComposition, storedComposition } from './budget-composition-summary.ts';

const TODAY = '2026-06-15';
const day = dayWithin('2024-10-01', 900);
const maybeDay = fc.option(day, { nil: null, freq: 3 });
const service = fc.constantFrom('navile', 'budrio', 'serdp') as fc.Arbitrary<'navile' | 'budrio' | 'serdp'>;
const source = fc.constantFrom('person', 'family', 'ausl', 'social_services');
const axis = fc.constantFrom('habitat', 'sociality', 'work');
const amount = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null, freq: 4 });
const period = { activatedOn: maybeDay, endedOn: fc.option(day, { nil: null, freq: 2 }), service };
const line = { source, axis, amountCents: amount, minutes: amount };

const operation = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('project' as const), ...period }), weight: 2 },
  {
    arbitrary: fc.record({ op: fc.constant('period' as const), pick: fc.nat(), changes: fc.record(period, { requiredKeys: [] }) }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('line' as const), pick: fc.nat(), ...line }), weight: 4 },
  {
    arbitrary: fc.record({
      op: fc.constant('change' as const),
      pick: fc.nat(),
      changes: fc.record({ ...line, project: fc.nat() }, { requiredKeys: [] }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }), weight: 2 },
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const COLUMNS = { activatedOn: 'activated_on', endedOn: 'ended_on', service: 'service_id' } as const;
const LINE_COLUMNS = { source: 'source', axis: 'axis', amountCents: 'amount_cents', minutes: 'minutes', project: 'ptri_id' } as const;

let ctx: TestContext;
let personId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: clockAt(TODAY) });
  const registered = await (
    await ctx.as('cm.navile')
  )({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  personId = registered.json<{ id: number }>().id;
});
afterAll(() => ctx.close());

function apply(ops: Operation[]) {
  const client = ctx.db.$client;
  client.exec('DELETE FROM budget_lines; DELETE FROM ptris');
  const { pick, update } = rowWriter(ctx.db);
  const serviceId = (name: 'navile' | 'budrio' | 'serdp') => ctx.world.services[name];
  for (const o of ops) {
    if (o.op === 'project') {
      client
        .prepare(
          `INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, ended_on, updated_at)
           VALUES (?, ?, ?, 'active', 'medium', '2024-10-01', '2025-12-31', ?, ?, '2025-01-01T00:00:00Z')`,
        )
        .run(personId, serviceId(o.service), ctx.world.lots.lot1, o.activatedOn, o.endedOn);
    } else if (o.op === 'period') {
      const keys = Object.keys(o.changes) as (keyof typeof COLUMNS)[];
      const value = (k: keyof typeof COLUMNS) => (k === 'service' ? serviceId(o.changes.service!) : (o.changes[k] ?? null));
      update('ptris', pick('ptris', o.pick), Object.fromEntries(keys.map((k) => [COLUMNS[k], value(k)])));
    } else if (o.op === 'line') {
      const id = pick('ptris', o.pick);
      if (id === undefined) continue;
      client
        .prepare(
          `INSERT INTO budget_lines (ptri_id, axis, source, description, minutes, amount_cents, position) VALUES (?, ?, ?, 'Voce', ?, ?, 0)`,
        )
        .run(id, o.axis, o.source, o.minutes, o.amountCents);
    } else if (o.op === 'change') {
      const keys = Object.keys(o.changes) as (keyof typeof LINE_COLUMNS)[];
      const value = (k: keyof typeof LINE_COLUMNS) => (k === 'project' ? pick('ptris', o.changes.project!) : (o.changes[k] ?? null));
      update('budget_lines', pick('budget_lines', o.pick), Object.fromEntries(keys.map((k) => [LINE_COLUMNS[k], value(k)])));
    } else {
      const id = pick('budget_lines', o.pick);
      if (id !== undefined) client.prepare('DELETE FROM budget_lines WHERE id = ?').run(id);
    }
  }
}

/** The summary's reading equals the definition for every year and filter, and the rows their recomputation. */
function summaryHolds() {
  const { navile } = ctx.world.services;
  const { pianura } = ctx.world.districts;
  for (const year of [2024, 2025, 2026])
    for (const [serviceId, districtId] of [
      [null, null],
      [navile, null],
      [null, pianura],
    ] as const) {
      const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, TODAY)!;
      const filter = { year, first: days.first, last: days.last, serviceId, districtId };
      expect(compositionOf(ctx.db, filter)).toEqual(budgetCompositionOf(ctx.db, filter));
    }
  expect(storedComposition(ctx.db)).toEqual(recomputedComposition(ctx.db));
}

const property = afterAnyWrites(operation, apply, summaryHolds);

describe('the budget composition summary', () => {
  it('equals the definition and its recomputation after any sequence of project and budget line writes', () => {
    fc.assert(property, { numRuns: 150 });
  });

  it('breaks without any one of its triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'budget_composition_changes', 8, property);
  });
});
