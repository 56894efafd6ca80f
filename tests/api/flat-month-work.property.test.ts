// The flats report reads its hours from flat_month_work, kept by the triggers of migration 0161 on
// flat_interventions, interventions and flat_stays, and its totals of every flat from
// flat_work_months, kept by those of migration 0180 on flat_month_work. After any sequence of
// stays, residents' interventions and flat-level work written, moved and deleted directly (work up
// to today, stays past it too), the report's figures and totals equal the definition over the raw
// rows for each year, and the stored rows equal their recomputation. With any one trigger dropped,
// some sequence breaks it.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysThroughToday, flatFiguresOf } from '@bds/server/figures/definitions.ts';
import { flatWorkTotalsFromSummary } from '@bds/server/reports/queries.ts';
import { clockAt } from '@bds/shared';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { afterAnyWrites, dayWithin, expectEachTriggerNeeded, rowWriter, rowWrites } from './summary-triggers.ts';
import {
  recomputedFlatWork,
  recomputedFlatWorkMonths,
  reportPagesBesideDefinition,
  storedFlatWork,
  storedFlatWorkMonths,
} from './flat-month-work.ts';

const TODAY = '2026-03-15';
const dayUpTo = (max: number) => dayWithin('2024-11-01', max);
// Work up to today (the app refuses later days); stays may run past it.
const workDay = dayUpTo(499);
// Stays also begin and end on the years' edges, where an entry or an exit counts in one year and not the other.
const stayDay = fc.oneof({ arbitrary: dayUpTo(600), weight: 4 }, fc.constantFrom('2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01'));
const minutes = fc.integer({ min: 15, max: 600 });
const cents = fc.integer({ min: 0, max: 20_000 });
const stay = { flat: fc.nat(1), project: fc.nat(2), from: stayDay, to: fc.option(stayDay, { nil: null, freq: 3 }) };
const work = { project: fc.option(fc.nat(2), { nil: null, freq: 6 }), date: workDay, minutes, cents };
const flatWork = { flat: fc.nat(1), date: workDay, minutes, cents };

const operation = fc.oneof(
  ...rowWrites(stay, 'stay', 'moveStay', 'dropStay'),
  ...rowWrites(work, 'work', 'moveWork', 'dropWork'),
  ...rowWrites(flatWork, 'flatWork', 'moveFlatWork', 'dropFlatWork'),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let ctx: TestContext;
let flats: number[];
let projects: number[];
let activityId: number;

beforeAll(async () => {
  ctx = await createTestContext({ clock: clockAt(TODAY) });
  const registered = await (
    await ctx.as('cm.navile')
  )({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  const personId = registered.json<{ id: number }>().id;
  const client = ctx.db.$client;
  const { lot1 } = ctx.world.lots;
  const { alfa } = ctx.world.coops;
  flats = [0, 1].map(
    (i) =>
      client
        .prepare(
          `INSERT INTO flats (name, district_id, address, places, lot_id, cooperative_id, opened_on) VALUES (?, ?, 'Via Roma 1', 3, ?, ?, '2024-01-01')`,
        )
        .run(`Casa ${i}`, ctx.world.districts.bologna, lot1, alfa).lastInsertRowid as number,
  );
  projects = [0, 1, 2].map(
    () =>
      client
        .prepare(
          `INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, updated_at)
           VALUES (?, ?, ?, 'active', 'medium', '2024-11-01', '2026-12-31', '2024-11-01', '2025-01-01T00:00:00Z')`,
        )
        .run(personId, ctx.world.services.navile, lot1).lastInsertRowid as number,
  );
  activityId = (client.prepare("SELECT id FROM activities WHERE axis = 'habitat' ORDER BY id LIMIT 1").get() as { id: number }).id;
});
afterAll(() => ctx.close());

function apply(ops: Operation[]) {
  const client = ctx.db.$client;
  client.exec('DELETE FROM flat_stays; DELETE FROM interventions; DELETE FROM flat_interventions');
  // The summaries now hold only zeros; emptied too, so that every run inserts its months afresh
  // (otherwise earlier runs leave each month's row and the insert triggers are never exercised).
  client.exec('DELETE FROM flat_month_work; DELETE FROM flat_work_months');
  const { pick, update } = rowWriter(ctx.db);
  const ptri = (n: number | null) => (n === null ? null : projects[n]);
  const { alfa } = ctx.world.coops;
  const { lot1 } = ctx.world.lots;
  for (const o of ops) {
    if (o.op === 'stay') {
      client
        .prepare(
          `INSERT INTO flat_stays (flat_id, ptri_id, person_id, service_id, from_date, to_date) SELECT ?, id, person_id, service_id, ?, ? FROM ptris WHERE id = ?`,
        )
        .run(flats[o.flat], o.from, o.to, projects[o.project]);
    } else if (o.op === 'moveStay') {
      const c = o.changes;
      update('flat_stays', pick('flat_stays', o.pick), {
        ...(c.flat === undefined ? {} : { flat_id: flats[c.flat] }),
        ...(c.project === undefined ? {} : { ptri_id: projects[c.project] }),
        ...(c.from === undefined ? {} : { from_date: c.from }),
        ...(c.to === undefined ? {} : { to_date: c.to }),
      });
    } else if (o.op === 'work') {
      client
        .prepare(
          `INSERT INTO interventions (ptri_id, cooperative_id, lot_id, service_id, date, month, axis, activity_id, minutes, amount_cents, operator_role)
           VALUES (?, ?, ?, ?, ?, ?, 'habitat', ?, ?, ?, 'educatore')`,
        )
        .run(ptri(o.project), alfa, lot1, ctx.world.services.navile, o.date, o.date.slice(0, 7), activityId, o.minutes, o.cents);
    } else if (o.op === 'moveWork') {
      const c = o.changes;
      update('interventions', pick('interventions', o.pick), {
        ...(c.project === undefined ? {} : { ptri_id: ptri(c.project) }),
        ...(c.date === undefined ? {} : { date: c.date, month: c.date.slice(0, 7) }),
        ...(c.minutes === undefined ? {} : { minutes: c.minutes }),
        ...(c.cents === undefined ? {} : { amount_cents: c.cents }),
      });
    } else if (o.op === 'flatWork') {
      client
        .prepare(
          `INSERT INTO flat_interventions (flat_id, cooperative_id, lot_id, date, month, activity_id, minutes, amount_cents, operator_role)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'educatore')`,
        )
        .run(flats[o.flat], alfa, lot1, o.date, o.date.slice(0, 7), activityId, o.minutes, o.cents);
    } else if (o.op === 'moveFlatWork') {
      const c = o.changes;
      update('flat_interventions', pick('flat_interventions', o.pick), {
        ...(c.flat === undefined ? {} : { flat_id: flats[c.flat] }),
        ...(c.date === undefined ? {} : { date: c.date, month: c.date.slice(0, 7) }),
        ...(c.minutes === undefined ? {} : { minutes: c.minutes }),
        ...(c.cents === undefined ? {} : { amount_cents: c.cents }),
      });
    } else {
      const table = { dropStay: 'flat_stays', dropWork: 'interventions', dropFlatWork: 'flat_interventions' }[o.op];
      const id = pick(table, o.pick);
      if (id !== undefined) client.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
    }
  }
}

function summaryHolds() {
  for (const year of [2024, 2025, 2026]) {
    const days = daysThroughToday(`${year}-01-01`, `${year}-12-31`, TODAY)!;
    const defined = flatFiguresOf(ctx.db, days.first, days.last, sql`1`);
    for (const { read, defined } of reportPagesBesideDefinition(ctx.db, days, 1)) expect(read).toEqual(defined);
    const sum = (column: 'flatMinutes' | 'flatAmountCents' | 'personalMinutes' | 'personalAmountCents') =>
      defined.reduce((n, flat) => n + flat[column], 0);
    expect(flatWorkTotalsFromSummary(ctx.db, days, null)).toEqual({
      flatMinutes: sum('flatMinutes'),
      flatAmountCents: sum('flatAmountCents'),
      personalMinutes: sum('personalMinutes'),
      personalAmountCents: sum('personalAmountCents'),
    });
  }
  expect(storedFlatWork(ctx.db)).toEqual(recomputedFlatWork(ctx.db));
  expect(storedFlatWorkMonths(ctx.db)).toEqual(recomputedFlatWorkMonths(ctx.db));
}

const property = afterAnyWrites(operation, apply, summaryHolds);

describe("the flats' work summary", () => {
  it('equals the definition and its recomputation after any sequence of stays, interventions and flat work', () => {
    fc.assert(property, { numRuns: 150 });
  });

  it('breaks without any one of its triggers', () => {
    // A resident's work counts only when it falls within a stay written before it: longer sequences.
    expectEachTriggerNeeded(ctx.db, 'flat_month_work', 11, afterAnyWrites(operation, apply, summaryHolds, 'medium'));
  });
});
