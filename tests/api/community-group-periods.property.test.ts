// The community report's totals by district, by axis and overall read community_group_periods,
// kept by the triggers of migration 0185 on the activities' period rows and on the activities.
// After any sequence of period rows added, changed and deleted and activities moved to another
// district or axis, the stored rows equal their recomputation over the period rows. With any one
// trigger dropped, some sequence breaks it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.ts';
import { addLot4, freshActivities, updateActivityPeriod, dropActivityPeriod } from './community-helpers.ts';
import { afterAnyWrites, expectEachTriggerNeeded, rowWrites } from './summary-triggers.ts';

const AXES = ['habitat', 'sociality', 'work'] as const;
const FIGURES = ['sessions', 'billed_minutes', 'amount_cents', 'attendances', 'other_participants', 'volunteers'] as const;

const periodRow = {
  period: fc.constantFrom('2025', '2025-03', '2026'),
  activity: fc.nat(3),
  sessions: fc.integer({ min: 1, max: 9 }),
  billed_minutes: fc.integer({ min: 15, max: 900 }),
  amount_cents: fc.integer({ min: 0, max: 40_000 }),
  attendances: fc.nat(12),
  other_participants: fc.nat(12),
  volunteers: fc.nat(4),
};
const operation = fc.oneof(
  ...rowWrites(periodRow, 'add', 'change', 'drop'),
  fc.record({ op: fc.constant('move' as const), activity: fc.nat(3), otherDistrict: fc.boolean(), axis: fc.constantFrom(...AXES) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let ctx: TestContext;
let lot4: number;

beforeAll(async () => {
  ctx = await createTestContext();
  lot4 = addLot4(ctx);
});
afterAll(() => ctx.close());

function apply(ops: Operation[]) {
  const client = ctx.db.$client;
  const activities = freshActivities(ctx, lot4, () => ctx.world.coops.alfa);
  const rowids = () =>
    (client.prepare('SELECT rowid AS id FROM community_activity_periods ORDER BY rowid').all() as { id: number }[]).map((r) => r.id);
  const picked = (n: number) => rowids()[n % Math.max(rowids().length, 1)];
  for (const o of ops) {
    if (o.op === 'add') {
      // As a recorded session adds itself (queries.addToPeriodSummaries): a new row, or added to the existing one.
      client
        .prepare(
          `INSERT INTO community_activity_periods (period, activity_id, minutes, ${FIGURES.join(', ')}) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (period, activity_id) DO UPDATE SET ${FIGURES.map((f) => `${f} = ${f} + excluded.${f}`).join(', ')}`,
        )
        .run(o.period, activities[o.activity], ...FIGURES.map((f) => o[f]));
    } else if (o.op === 'change') {
      const id = picked(o.pick);
      const { period, activity, ...figures } = o.changes;
      const columns: Record<string, unknown> = {
        ...figures,
        ...(period === undefined ? {} : { period }),
        ...(activity === undefined ? {} : { activity_id: activities[activity] }),
      };
      updateActivityPeriod(ctx, id, columns);
    } else if (o.op === 'drop') {
      dropActivityPeriod(ctx, picked(o.pick));
    } else {
      const { bologna, pianura } = ctx.world.districts;
      client
        .prepare('UPDATE community_activities SET district_id = ?, axis = ? WHERE id = ?')
        .run(o.otherDistrict ? pianura : bologna, o.axis, activities[o.activity]);
    }
  }
}

const stored = () =>
  ctx.db.$client
    .prepare(`SELECT period, district_id, axis, activities, ${FIGURES.join(', ')} FROM community_group_periods ORDER BY 1, 2, 3`)
    .all();

/** The plain definition: every activity's period row, summed per period and the activity's district and axis. */
const recomputed = () =>
  ctx.db.$client
    .prepare(
      `SELECT y.period, a.district_id, a.axis, COUNT(*) AS activities, ${FIGURES.map((f) => `SUM(y.${f}) AS ${f}`).join(', ')}
       FROM community_activity_periods y JOIN community_activities a ON a.id = y.activity_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();

const property = afterAnyWrites(operation, apply, () => expect(stored()).toEqual(recomputed()));

describe("the community activities' summary per district and axis", () => {
  it('equals its recomputation after any sequence of period rows and activities moved', () => {
    fc.assert(property, { numRuns: 150 });
  });

  it('leaves no row behind once every period row is gone', () => {
    apply([
      {
        op: 'add',
        period: '2025',
        activity: 0,
        sessions: 1,
        billed_minutes: 60,
        amount_cents: 100,
        attendances: 0,
        other_participants: 1,
        volunteers: 0,
      },
    ]);
    expect(stored()).toHaveLength(1);
    ctx.db.$client.exec('DELETE FROM community_activity_periods');
    expect(stored()).toEqual([]);
  });

  it('breaks without any one of its triggers', () => {
    expectEachTriggerNeeded(ctx.db, 'community_group_periods', 4, property);
  });
});
