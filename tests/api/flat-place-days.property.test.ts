// The flats report's monthly series of every flat reads flat_place_day_changes, kept by the
// triggers of migration 0162 on flats and flat_stays, and their sums per month before the year,
// flat_place_month_changes, kept by those of migration 0180 on flat_place_day_changes; its entries
// and exits of every flat read flat_stay_events, kept by those of migration 0181 on flat_stays; its
// total of every flat reads flat_count, kept by those of migration 0211 on flats. After any sequence of flats opened,
// resized, closed and removed and of stays written, moved and removed directly (spans that end
// before they begin too), the place-days, entries and exits of each month up to today and of whole
// years equal the definition over every flat, so do the report's pages of flats, and the stored changes equal their recomputation. With any one
// trigger dropped, some sequence breaks it.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysThroughToday, flatPlaceDaysOf, flatStayTotalsOf } from '@bds/server/figures/definitions.ts';
import { allFlatsPlaceDaysOf, allFlatsStayTotalsOf, reportFlatCount } from '@bds/server/reports/queries.ts';
import { clockAt, daysInMonth, LIVING_SITUATIONS } from '@bds/shared';
import { createTestContext, personBody, type TestContext } from './helpers.ts';
import { afterAnyWrites, dayWithin, expectEachTriggerNeeded, rowWriter, rowWrites } from './summary-triggers.ts';
import {
  recomputedPlaceDayChanges,
  recomputedPlaceMonthChanges,
  storedPlaceDayChanges,
  storedPlaceMonthChanges,
  recomputedStayEvents,
  storedStayEvents,
  reportPagesBesideDefinition,
} from './flat-month-work.ts';

const TODAY = '2026-03-15';
const day = dayWithin('2024-11-01', 600);
const maybeDay = fc.option(day, { nil: null, freq: 3 });
const flat = { places: fc.integer({ min: 1, max: 5 }), opened: day, closed: maybeDay };
const destination = fc.option(fc.constantFrom(...LIVING_SITUATIONS), { nil: null });
const stay = { flat: fc.nat(), project: fc.nat(1), from: day, to: maybeDay, destination };

const operation = fc.oneof(...rowWrites(flat, 'flat', 'changeFlat', 'dropFlat'), ...rowWrites(stay, 'stay', 'moveStay', 'dropStay'));
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let ctx: TestContext;
let projects: number[];

beforeAll(async () => {
  ctx = await createTestContext({ clock: clockAt(TODAY) });
  const registered = await (
    await ctx.as('cm.navile')
  )({ method: 'POST', url: '/api/persons', payload: personBody(ctx.world.districts.bologna) });
  const personId = registered.json<{ id: number }>().id;
  projects = [0, 1].map(
    () =>
      ctx.db.$client
        .prepare(
          `INSERT INTO ptris (person_id, service_id, lot_id, status, intensity, start_date, end_date, activated_on, updated_at)
           VALUES (?, ?, ?, 'active', 'medium', '2024-11-01', '2026-12-31', '2024-11-01', '2025-01-01T00:00:00Z')`,
        )
        .run(personId, ctx.world.services.navile, ctx.world.lots.lot1).lastInsertRowid as number,
  );
});
afterAll(() => ctx.close());

function apply(ops: Operation[]) {
  const client = ctx.db.$client;
  client.exec('DELETE FROM flat_stays; DELETE FROM flats');
  // The summaries now hold only zeros; emptied too, so that every run inserts its days afresh.
  client.exec('DELETE FROM flat_place_day_changes; DELETE FROM flat_place_month_changes');
  const { pick, update } = rowWriter(ctx.db);
  for (const o of ops) {
    if (o.op === 'flat') {
      client
        .prepare(
          `INSERT INTO flats (name, district_id, address, places, lot_id, cooperative_id, opened_on, closed_on)
           VALUES ('Casa', ?, 'Via Roma 1', ?, ?, ?, ?, ?)`,
        )
        .run(ctx.world.districts.bologna, o.places, ctx.world.lots.lot1, ctx.world.coops.alfa, o.opened, o.closed);
    } else if (o.op === 'changeFlat') {
      const c = o.changes;
      update('flats', pick('flats', o.pick), {
        ...(c.places === undefined ? {} : { places: c.places }),
        ...(c.opened === undefined ? {} : { opened_on: c.opened }),
        ...(c.closed === undefined ? {} : { closed_on: c.closed }),
      });
    } else if (o.op === 'dropFlat') {
      const id = pick('flats', o.pick);
      if (id !== undefined)
        client.prepare('DELETE FROM flats WHERE id = ? AND NOT EXISTS (SELECT 1 FROM flat_stays WHERE flat_id = ?)').run(id, id);
    } else if (o.op === 'stay') {
      const flatId = pick('flats', o.flat);
      if (flatId === undefined) continue;
      client
        .prepare(
          `INSERT INTO flat_stays (flat_id, ptri_id, person_id, service_id, from_date, to_date, destination)
           SELECT ?, id, person_id, service_id, ?, ?, ? FROM ptris WHERE id = ?`,
        )
        .run(flatId, o.from, o.to, o.destination, projects[o.project]);
    } else if (o.op === 'moveStay') {
      const c = o.changes;
      const flatId = c.flat === undefined ? undefined : pick('flats', c.flat);
      update('flat_stays', pick('flat_stays', o.pick), {
        ...(flatId === undefined ? {} : { flat_id: flatId }),
        ...(c.from === undefined ? {} : { from_date: c.from }),
        ...(c.to === undefined ? {} : { to_date: c.to }),
        ...(c.destination === undefined ? {} : { destination: c.destination }),
      });
    } else {
      const id = pick('flat_stays', o.pick);
      if (id !== undefined) client.prepare('DELETE FROM flat_stays WHERE id = ?').run(id);
    }
  }
}

const YEARS = [2025, 2026].map((year) => daysThroughToday(`${year}-01-01`, `${year}-12-31`, TODAY)!);
// Each month of 2025 and 2026 up to today, and the two years.
const SPANS = [2025, 2026].flatMap((year, y) => [
  ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap((month) => {
    const span = daysThroughToday(`${month}-01`, `${month}-${daysInMonth(month)}`, TODAY);
    return span ? [span] : [];
  }),
  YEARS[y]!,
]);

function summaryHolds() {
  // Both years at once, and the later one alone: its place-days start from the months before it.
  for (const spans of [SPANS, SPANS.filter((span) => span.first >= '2026')])
    expect(allFlatsPlaceDaysOf(ctx.db, spans)).toEqual(spans.map((span) => flatPlaceDaysOf(ctx.db, span.first, span.last, sql`1`)));
  expect(storedPlaceDayChanges(ctx.db)).toEqual(recomputedPlaceDayChanges(ctx.db));
  expect(storedPlaceMonthChanges(ctx.db)).toEqual(recomputedPlaceMonthChanges(ctx.db));
  for (const span of SPANS)
    expect(allFlatsStayTotalsOf(ctx.db, span.first, span.last)).toEqual(flatStayTotalsOf(ctx.db, span.first, span.last, sql`1`));
  expect(storedStayEvents(ctx.db)).toEqual(recomputedStayEvents(ctx.db));
  // The report's pages of flats, two at a time, over each year.
  for (const span of YEARS) for (const { read, defined } of reportPagesBesideDefinition(ctx.db, span, 2)) expect(read).toEqual(defined);
  expect(reportFlatCount(ctx.db, YEARS[0]!, null)).toEqual(
    (ctx.db.$client.prepare('SELECT COUNT(*) AS n FROM flats').get() as { n: number }).n,
  );
}

const property = afterAnyWrites(operation, apply, summaryHolds);

describe('the place-days, entries and exits of every flat', () => {
  it('equal the definition and their recomputation after any sequence of flats and stays', () => {
    fc.assert(property, { numRuns: 150 });
  });

  it('break without any one of their triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'flat_place_day_changes', 10, property);
  });

  it('break the entries and exits without any one of their triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'flat_stay_events', 4, property);
  });

  it('break the count of every flat without either of its triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'flat_count', 2, property);
  });
});
